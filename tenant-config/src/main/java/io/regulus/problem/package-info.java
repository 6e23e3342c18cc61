/**
 * What went wrong, in the domain's words: every module throws a {@link
 * io.regulus.problem.DomainException} of one {@link io.regulus.problem.ProblemKind}; the web module
 * turns it into application/problem+json. Details never carry SQL, stack traces or another tenant's
 * identifiers.
 */
package io.regulus.problem;
