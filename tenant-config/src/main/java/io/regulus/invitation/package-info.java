/**
 * Pending invitations to join a tenant, kept in the platform schema: one per tenant and address,
 * renewed when sent again, gone once accepted or declined, ignored once expired.
 */
package io.regulus.invitation;
