/**
 * The notification preferences page ({@code /app/notifications.xhtml}): the signed-in person's own
 * choice of the kinds of notice mailed in their daily digest, through {@link
 * io.regulus.notification.NotificationPreferences} as the API does.
 */
package io.regulus.ui.notification;
