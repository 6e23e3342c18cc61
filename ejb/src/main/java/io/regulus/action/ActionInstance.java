package io.regulus.action;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One action instance with its action's texts: tenant-wide ({@code groupId} null) or of one assessment group.
 *
 * @param origin LIBRARY for a global library action, TENANT for one of the tenant's own
 */
public record ActionInstance(
    long id, String key, String title, ActionType type, int points, String category, String solution,
    String origin, Long groupId, String group, ImplementationStatus implementationStatus,
    LocalDate implementationDate, TestStatus testStatus, BigDecimal passedFraction, String notes,
    Instant updatedAt, String updatedBy, long version) {}
