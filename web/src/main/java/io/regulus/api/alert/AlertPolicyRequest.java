package io.regulus.api.alert;

import io.regulus.alert.PolicyDraft;
import java.math.BigDecimal;
import java.util.List;

/**
 * An alert policy as a client writes it (docs/alerts.md): {@code kind} SCORE_CHANGE,
 * ASSIGNMENT_CHANGE, IMPLEMENTATION_STATUS_CHANGE, TEST_STATUS_CHANGE, EVIDENCE_CHANGE or
 * EVIDENCE_EXPIRING; {@code severity} LOW, MEDIUM or HIGH; {@code threshold} with {@code unit}
 * POINTS or PERCENT for a score change (and {@code direction} DROP, RISE or EITHER), days for
 * evidence expiring; {@code toValues} the new statuses that raise a status change; {@code scope}
 * TENANT, ASSESSMENT ({@code assessmentId}), CATEGORY ({@code category}) or ACTION ({@code
 * actionId}); {@code recipientRoles} admin, assessor, contributor, reader; {@code enabled} true
 * when left out. The domain checks it whole and names every fault.
 */
public record AlertPolicyRequest(
    String name,
    String kind,
    String severity,
    BigDecimal threshold,
    String unit,
    String direction,
    List<String> toValues,
    String scope,
    Long assessmentId,
    String category,
    Long actionId,
    Boolean enabled,
    List<String> recipientRoles,
    Boolean notifyAssignee,
    Boolean notifyTester) {

  PolicyDraft toDraft() {
    return new PolicyDraft(
        name,
        kind,
        severity,
        threshold,
        unit,
        direction,
        toValues,
        scope,
        assessmentId,
        category,
        actionId,
        enabled,
        recipientRoles,
        notifyAssignee,
        notifyTester);
  }
}
