/**
 * The signals API: machine clients send a tenant's signals in batches, members read them, admins
 * manage the tenant's machine clients, operators run the retention pass.
 */
package io.regulus.api.signal;
