package io.regulus.report;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.time.LocalDate;

/**
 * One action instance in a tenant's report workbook.
 *
 * @param assessment null for a tenant-wide instance
 * @param owner the assignee's name, null when unassigned
 * @param dueDate null when none is set
 */
public record ActionLine(
    String title,
    String assessment,
    String control,
    ImplementationStatus implementationStatus,
    TestStatus testStatus,
    String owner,
    int evidenceCount,
    double points,
    LocalDate dueDate,
    boolean overdue) {}
