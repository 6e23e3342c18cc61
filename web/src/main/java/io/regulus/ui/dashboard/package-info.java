/**
 * A tenant's dashboard page ({@code /app/dashboard.xhtml?tenant=}): the same {@link
 * io.regulus.scoring.ScoreService} operations as {@code GET /api/v1/tenants/{t}/dashboard}, {@code
 * /scores} and {@code /scores/what-if}, shown through the API's own views so page and API round
 * alike; breakdowns as Chart.js charts (PrimeFaces {@code p:chart}) each beside a table.
 */
package io.regulus.ui.dashboard;
