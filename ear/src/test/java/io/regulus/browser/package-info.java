/**
 * Browser tests of the web UI in a real headless Chromium, and what they share: one browser per
 * test JVM ({@link io.regulus.browser.Chromium}), a signed-in user's view of it ({@link
 * io.regulus.browser.Ui}: sign-in on Keycloak's own login page, waiting for PrimeFaces, reading and
 * clicking), the axe-core check ({@link io.regulus.browser.Accessibility}) and the screenshots at
 * desktop and phone width ({@link io.regulus.browser.Screenshots}). Like the HTTP tests in {@code
 * io.regulus.it}, they run against the stack the build starts and create their own data.
 */
package io.regulus.browser;
