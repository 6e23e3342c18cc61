/**
 * The built-in template library, kept in the repository as data under {@code library/} on the class
 * path (docs/library.md): loaded into the platform's library at start-up, its JSON templates in one
 * transaction and its OSCAL catalogs through the template import job.
 */
package io.regulus.template.library;
