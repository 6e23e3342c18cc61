/**
 * The evidence of an action over HTTP: multipart file uploads read as they arrive (never buffered
 * whole), links, the list, downloads streamed from the database in slices with their SHA-256, and
 * deletion.
 */
package io.regulus.api.evidence;
