package io.regulus.report;

/** An improvement action not yet done, and the points it would add to the score. */
public record Gap(String actionTitle, double pointsMissing) {}
