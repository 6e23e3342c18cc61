/**
 * The REST API under {@code /api/v1}: thin resources that validate, call one service and map to a
 * view. Every endpoint needs a verified bearer token and declares its access rule once ({@code
 * security}).
 */
package io.regulus.api;
