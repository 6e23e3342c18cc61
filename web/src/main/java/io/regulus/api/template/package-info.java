/**
 * The templates a tenant builds assessments from, over HTTP: the global library's and its own.
 * Every member reads them; admins create private templates and extensions of global ones and
 * publish new versions, which are never changed once published.
 */
package io.regulus.api.template;
