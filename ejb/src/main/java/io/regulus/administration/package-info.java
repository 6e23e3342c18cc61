/**
 * The platform's administrative use cases: firms, and each tenant's life cycle (provision, suspend,
 * resume, export, import, delete), each recorded in the audit log.
 */
package io.regulus.administration;
