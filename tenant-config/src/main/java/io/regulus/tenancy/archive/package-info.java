/**
 * The portable tenant archive: a ZIP of a manifest and one JSON file per table of the tenant
 * schema, written and read by PostgreSQL itself, so a new table travels without code here. An
 * archive is read and checked whole before anything is created from it, and loaded into an empty
 * schema migrated to the archive's version in one transaction.
 */
package io.regulus.tenancy.archive;
