/**
 * Templates as a tenant sees them: the global library's templates and versions, and the tenant's
 * own private templates and extensions of a global template, written and versioned in the tenant's
 * schema.
 */
package io.regulus.template;
