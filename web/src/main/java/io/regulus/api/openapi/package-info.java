/**
 * The OpenAPI document beyond what the annotations say: who may call each operation, the statuses
 * and problem types it can answer, and how the OpenAPI UI signs in. Derived in one place from what
 * the document already holds, so a new endpoint is documented like the others.
 */
package io.regulus.api.openapi;
