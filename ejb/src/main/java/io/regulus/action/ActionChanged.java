package io.regulus.action;

import io.regulus.tenancy.ActiveTenant;

/**
 * One field of an action instance changed, told (as a CDI event, in the transaction of the change)
 * the moment its history row is written: every writer of an instance or of its evidence, whoever
 * its caller, passes through {@link ActionHistory#record}, so an observer sees every change once.
 *
 * @param instance the instance as it was before the change (its key, category and assessments)
 * @param field the history's name of the field ({@code implementationStatus}, {@code assignee},
 *     {@code evidence}, ...)
 * @param oldValue the value before, as the history shows it, or null
 * @param newValue the value after, as the history shows it, or null
 */
public record ActionChanged(
    ActiveTenant tenant,
    ActionInstance instance,
    String field,
    String oldValue,
    String newValue,
    ActionHistory.Who who) {}
