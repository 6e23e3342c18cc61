package io.regulus.api.alert;

import io.regulus.access.TenantRole;
import io.regulus.alert.AlertPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An alert policy as the API shows it: the fields of {@link AlertPolicyRequest}, and its id. */
public record AlertPolicyView(
    long id,
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
    boolean enabled,
    List<String> recipientRoles,
    boolean notifyAssignee,
    boolean notifyTester,
    Instant updatedAt,
    String updatedBy) {

  static AlertPolicyView of(AlertPolicy p) {
    return new AlertPolicyView(
        p.id(),
        p.name(),
        p.kind().name(),
        p.severity().name(),
        p.threshold(),
        p.unit() == null ? null : p.unit().name(),
        p.direction() == null ? null : p.direction().name(),
        p.toValues().stream().sorted().toList(),
        p.scope().kind().name(),
        p.scope().assessmentId(),
        p.scope().category(),
        p.scope().actionId(),
        p.enabled(),
        p.recipientRoles().stream().sorted().map(TenantRole::id).toList(),
        p.notifyAssignee(),
        p.notifyTester(),
        p.updatedAt(),
        p.updatedBy());
  }
}
