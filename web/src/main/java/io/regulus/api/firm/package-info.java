/**
 * A consulting firm's own endpoints under {@code /firms/{firm}}: its members list its client
 * tenants and see their portfolio (scores, overdue actions, biggest gaps), and its administrators
 * provision new clients, always for their own firm.
 */
package io.regulus.api.firm;
