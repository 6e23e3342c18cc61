/**
 * Telling people what changed: notices kept for a daily digest per person, each kind of which a
 * person can turn off, and outgoing mail queued in the database and retried until the SMTP server
 * takes it (docs/notifications.md).
 */
package io.regulus.notification;
