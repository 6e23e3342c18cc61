/**
 * The portfolio page ({@code /app/portfolio.xhtml?firm=}): a firm's clients with their scores,
 * overdue actions and biggest gaps, from the same {@link io.regulus.portfolio.PortfolioService}
 * operation as {@code GET /api/v1/firms/{firm}/portfolio}.
 */
package io.regulus.ui.portfolio;
