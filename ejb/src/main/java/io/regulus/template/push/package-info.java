/**
 * A firm's templates pushed to its clients: a preview per client (new, or an update of the version
 * it has), then the {@code template-push} job, one partition per client, each recording its own
 * outcome; a retry re-runs only the clients that failed. A client sees a firm template only through
 * its grant (the version last pushed to it); a tenant outside the firm never gets one.
 */
package io.regulus.template.push;
