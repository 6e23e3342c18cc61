/**
 * Users and roles in the browser: a tenant's admins list its members (the last admin marked, as the
 * domain's roster says), invite by email, change roles and remove members; a signed-in person
 * answers their own invitations on the start page. Every step is a call of the same domain services
 * as the API's {@code api.users} and {@code api.me}.
 */
package io.regulus.ui.users;
