/**
 * The notifications' timers on each node: the outbox's sender and the daily digest
 * (docs/notifications.md).
 */
package io.regulus.batch.notification;
