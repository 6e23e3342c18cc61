/**
 * The request rate limit of the API (OWASP API4): each caller's requests counted on each node
 * before anything else of the request runs.
 */
package io.regulus.api.limit;
