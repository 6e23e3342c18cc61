/**
 * Signals: what a tenant's machines and scanners observe (machine clients' batches, scanners'
 * findings in OCSF), kept with their source and time; the test rules that turn them into automatic
 * actions' test results, and the sweep that applies them (docs/signals.md).
 */
package io.regulus.signal;
