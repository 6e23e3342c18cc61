/**
 * Template updates: a newer published version of the template an assessment was built from is a
 * pending update of its group, worked out from the versions (never marked). The diff and its score
 * effect are computed before anything changes; a group accepts (its assessments move to the version
 * in one transaction, instances of unchanged actions kept) or defers (recorded, until a newer one).
 */
package io.regulus.templateupdate;
