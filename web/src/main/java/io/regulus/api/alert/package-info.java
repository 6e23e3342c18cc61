/**
 * Alert policies and alerts over HTTP (docs/alerts.md): every member reads a tenant's policies and
 * alerts; admins manage the policies; admins and assessors work the alerts.
 */
package io.regulus.api.alert;
