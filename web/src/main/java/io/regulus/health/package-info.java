/**
 * Readiness: Regulus is ready only when PostgreSQL (with the platform schema migrated) and Keycloak
 * answer. Served by MicroProfile Health at /health and /health/ready.
 */
package io.regulus.health;
