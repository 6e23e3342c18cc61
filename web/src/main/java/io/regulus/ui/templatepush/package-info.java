/**
 * The firm's push page ({@code /app/template-push.xhtml?firm=}): a firm template and clients
 * picked, the preview per client, the push, each client's outcome and the retry of the failed ones,
 * all from {@code TemplatePushService} as the API has them.
 */
package io.regulus.ui.templatepush;
