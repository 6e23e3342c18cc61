package io.regulus.history;

/** What a snapshot line scores: the whole tenant, its provider's points, or one breakdown line. */
public enum ScopeKind {
  TENANT,
  PROVIDER,
  ASSESSMENT,
  GROUP,
  CATEGORY,
  REGULATION
}
