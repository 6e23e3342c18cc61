/**
 * The portable tenant archive: a ZIP of a manifest, one JSON Lines file per table of the tenant
 * schema (written and read by PostgreSQL itself, so a new table travels without code here) and one
 * file per evidence file, with its SHA-256 in the manifest. An archive is written and loaded as a
 * stream, checked whole (files and hashes included) before anything is created from it, and loaded
 * into an empty schema migrated to the archive's version in one transaction.
 */
package io.regulus.tenancy.archive;
