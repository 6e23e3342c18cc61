/**
 * Scanner findings as scanners write them: OCSF Detection Findings (class 2004, Prowler's {@code
 * json-ocsf} output), read as a stream, checked whole, and turned into signals through the mapping
 * table beside the library ({@code library/signals/prowler.json}); a document with any bad entry is
 * refused whole, and nothing of it is stored (docs/signals.md, "Scanner findings (OCSF)").
 */
package io.regulus.finding;
