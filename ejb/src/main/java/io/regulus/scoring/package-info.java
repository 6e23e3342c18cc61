/**
 * The scoring engine: the one place the scoring contract (docs/scoring.md) is computed, as pure
 * functions over a {@link io.regulus.scoring.ScoringInput} read in a bounded number of queries.
 * Every rule is pinned by unit tests, including every case of the shared scoring-cases.json.
 */
package io.regulus.scoring;
