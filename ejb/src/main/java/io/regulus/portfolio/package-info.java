/**
 * A consulting firm's portfolio: every active client the caller reaches, each computed in its own
 * transaction through the one scoring engine and its per-tenant cache, so a warm client costs its
 * tenant entry and one fingerprint query, whatever its number of actions; and the same clients by
 * their recorded snapshots, one query each for any range (docs/history.md).
 */
package io.regulus.portfolio;
