/**
 * The Signals page of a tenant (recent signals, filtered by key and resource) and its admins'
 * machine clients page (made with the secret shown once, rotated, deleted).
 */
package io.regulus.ui.signal;
