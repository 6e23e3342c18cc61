/**
 * The score history over HTTP (docs/history.md): a platform operator starts the score recomputation
 * of a day and follows it; every member of a tenant reads its trend from the recorded snapshots.
 */
package io.regulus.api.history;
