/**
 * Assessments and their groups ("FY2027", "EU subsidiaries"). Tenant-owned: every row lives in the
 * tenant's own schema and is reached only inside a transaction bound to that tenant. Group names
 * are unique per tenant, regardless of case.
 */
package io.regulus.assessment;
