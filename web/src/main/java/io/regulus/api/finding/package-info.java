/**
 * Scanner findings over HTTP: a findings document (OCSF Detection Findings as Prowler writes them)
 * posted as it is, read as it arrives, and what became of it.
 */
package io.regulus.api.finding;
