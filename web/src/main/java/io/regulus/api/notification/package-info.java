/**
 * Notifications by e-mail over HTTP: each person's own notification preferences, and for platform
 * operators the daily digest run on demand and the outbox of queued mail (docs/notifications.md).
 */
package io.regulus.api.notification;
