/**
 * The reports over HTTP (docs/reports.md): a platform operator starts the build of a day's reports
 * and follows it; a tenant's members list and download its reports; a firm's members its portfolio
 * reports.
 */
package io.regulus.api.report;
