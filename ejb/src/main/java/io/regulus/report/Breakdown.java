package io.regulus.report;

import io.regulus.scoring.Score;

/** One line of a breakdown, such as a category's or an assessment's score. */
public record Breakdown(String name, Score score) {}
