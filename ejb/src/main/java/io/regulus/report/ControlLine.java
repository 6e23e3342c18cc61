package io.regulus.report;

import io.regulus.scoring.ControlStatus;
import io.regulus.scoring.Score;

/**
 * One control of an assessment in a tenant's report workbook: its status, its points and how many
 * action instances serve it.
 */
public record ControlLine(
    String assessment,
    String control,
    String title,
    ControlStatus status,
    Score score,
    int actions) {}
