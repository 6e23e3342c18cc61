package io.regulus.report;

import java.time.LocalDate;

/** One day of a score's history: the percent of possible points achieved that day. */
public record TrendPoint(LocalDate date, double percent) {}
