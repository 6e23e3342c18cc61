/**
 * The global template library in the platform schema: the shared improvement-action library and the
 * templates with their immutable published versions; the built-in library ({@code library/} on the
 * class path) is loaded at start-up.
 */
package io.regulus.library;
