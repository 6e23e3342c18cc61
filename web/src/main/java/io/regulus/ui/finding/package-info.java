/**
 * The tenant's scanner findings page: a findings document uploaded as the scanner wrote it, what
 * became of it (or every problem that refused it), and the checks an import reads.
 */
package io.regulus.ui.finding;
