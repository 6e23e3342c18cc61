/**
 * The local stack the build starts for the run and test commands: a real PostgreSQL (embedded
 * binaries), a real Keycloak (distribution zip) with the committed realm, and the Liberty server
 * the build created. Every server writes its pid and data under one stack directory, so a second
 * start first stops what an earlier, interrupted run left behind.
 */
package io.regulus.stack;
