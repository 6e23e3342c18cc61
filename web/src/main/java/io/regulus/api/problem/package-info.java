/**
 * application/problem+json (RFC 9457) for every error the API returns: domain exceptions,
 * validation failures, unknown routes and unexpected failures (whose {@code instance} id is logged,
 * never their stack trace sent).
 */
package io.regulus.api.problem;
