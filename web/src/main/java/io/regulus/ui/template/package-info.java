/**
 * The templates pages: the global library and the tenant's own private templates and extensions
 * with their versions, and the form that writes a new one or its next version. The form sends the
 * whole draft to the template service, which checks it whole; every fault it names is shown beside
 * its field at once, and nothing is published until there is none.
 */
package io.regulus.ui.template;
