package io.regulus.alert;

import java.util.List;

/**
 * What a policy watches: the whole tenant, one assessment (the actions it needs, its score line),
 * one category (its actions, its score line) or one action instance.
 */
public record PolicyScope(Kind kind, Long assessmentId, String category, Long actionId) {

  public enum Kind {
    TENANT,
    ASSESSMENT,
    CATEGORY,
    ACTION
  }

  public static final PolicyScope TENANT = new PolicyScope(Kind.TENANT, null, null, null);

  /** Whether an action instance of this category, needed by these assessments, is in scope. */
  public boolean covers(long instanceId, String instanceCategory, List<Long> assessments) {
    return switch (kind) {
      case TENANT -> true;
      case ASSESSMENT -> assessments.contains(assessmentId);
      case CATEGORY -> category.equals(instanceCategory);
      case ACTION -> actionId == instanceId;
    };
  }
}
