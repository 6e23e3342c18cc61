/**
 * The platform audit log: tenant life-cycle and user-administration events, kept in the platform
 * schema so they outlive a deleted tenant.
 */
package io.regulus.audit;
