package io.regulus.scoring;

/** Achieved out of possible points; {@link #ratio()} is 0 when nothing is possible. */
public record Score(double achieved, double possible) {

  public static final Score ZERO = new Score(0, 0);

  public double ratio() {
    return possible == 0 ? 0 : achieved / possible;
  }

  public Score plus(Score other) {
    return new Score(achieved + other.achieved, possible + other.possible);
  }
}
