/**
 * A consulting firm's own endpoints under {@code /firms/{firm}}: its members list its client
 * tenants, and its administrators provision new clients, always for their own firm.
 */
package io.regulus.api.firm;
