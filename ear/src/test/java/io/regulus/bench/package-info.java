/**
 * Benchmarks against a stack of their own (the {@code bench} profile of ear/pom.xml, started by
 * {@code bench/provisioning}): real HTTP requests with real Keycloak tokens to Liberty, real
 * PostgreSQL. They print their figures and append them to a results file; bench/README.md says what
 * each one measures.
 */
package io.regulus.bench;
