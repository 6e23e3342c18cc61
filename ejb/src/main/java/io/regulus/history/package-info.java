/**
 * The tenants' score history (docs/history.md): the score recomputation job records, per tenant and
 * day, every score the one scoring engine computes (the tenant's, the provider's points, each
 * assessment, group, category and regulation) and the day's counts of actions, in the tenant's own
 * schema; the trend over a range of days is read back from these snapshots.
 */
package io.regulus.history;
