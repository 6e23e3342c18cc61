/**
 * A tenant's compliance score over HTTP (docs/scoring.md): the dashboard, a filtered score with the
 * action instances that sum to it, and the what-if. Every member reads them; the views only round
 * (points to 2 places, percentages to 1), the numbers come from the scoring engine.
 */
package io.regulus.api.score;
