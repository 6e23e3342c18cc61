package io.regulus.alert;

import java.math.BigDecimal;
import java.util.List;

/**
 * A policy as a person wrote it (the API's body, the page's form), before {@link PolicyRules}
 * checks it: names of kinds, severities, units, statuses and roles as given.
 *
 * @param scope TENANT (when null), ASSESSMENT, CATEGORY or ACTION; the one matching field names it
 */
public record PolicyDraft(
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

  public PolicyDraft {
    toValues = toValues == null ? List.of() : List.copyOf(toValues);
    recipientRoles = recipientRoles == null ? List.of() : List.copyOf(recipientRoles);
  }
}
