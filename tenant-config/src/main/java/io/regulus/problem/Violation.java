package io.regulus.problem;

/**
 * One broken rule of an input: the field at fault, as a path into the request ({@code
 * controls[3].actions[0]}), and the rule in words that say how to fix it.
 */
public record Violation(String field, String rule) {}
