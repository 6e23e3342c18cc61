package io.regulus.alert;

/** Which moves of a score a score-change policy watches. */
public enum ScoreDirection {
  DROP,
  RISE,
  EITHER
}
