/**
 * Improvement action instances of a tenant: created when the first assessment needs them and
 * removed with the last (their history stays), one per tenant for technical and provider-managed
 * actions and one per assessment group for customer operational and documentation actions; their
 * statuses, and every change of them.
 */
package io.regulus.action;
