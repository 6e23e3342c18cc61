/**
 * The template import page: an admin uploads a workbook or an OSCAL catalog into the tenant's
 * templates and watches the import job; every member sees the imports and their problems.
 */
package io.regulus.ui.templateimport;
