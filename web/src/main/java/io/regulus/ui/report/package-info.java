/**
 * The Reports pages: a tenant's reports (/app/reports.xhtml?tenant=) and a firm's portfolio reports
 * (/app/firm-reports.xhtml?firm=), listed by day with their downloads, as {@code ReportService}
 * gives them; who may read them is the service's decision.
 */
package io.regulus.ui.report;
