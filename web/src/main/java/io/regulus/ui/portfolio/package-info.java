/**
 * The portfolio page ({@code /app/portfolio.xhtml?firm=}): a firm's clients with their scores,
 * overdue actions and biggest gaps, from the same {@link io.regulus.portfolio.PortfolioService}
 * operation as {@code GET /api/v1/firms/{firm}/portfolio}, with each client's recorded trend and
 * 30-day change as {@code /portfolio/history} gives them.
 */
package io.regulus.ui.portfolio;
