package io.regulus.template.push;

/** What a push brings a client. */
public enum PushKind {
  /** The client does not have the template yet: it gets it. */
  NEW,
  /** The client has an older version: the assessments built on it get a pending update. */
  UPDATE,
  /** The client has this version already: nothing to push. */
  CURRENT
}
