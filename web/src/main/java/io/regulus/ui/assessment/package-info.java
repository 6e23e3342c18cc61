/**
 * The assessments pages: the tenant's assessments with their status, progress and group; one
 * assessment's controls by family with their actions and a status breakdown; the wizard that builds
 * one from a template; deletion after a confirmation. Every step calls the assessment services the
 * API calls, as the signed-in user in the page's tenant.
 */
package io.regulus.ui.assessment;
