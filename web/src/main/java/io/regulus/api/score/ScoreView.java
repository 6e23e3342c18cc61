package io.regulus.api.score;

import io.regulus.scoring.Score;

/**
 * A score: achieved and possible points (to 2 places) and the percentage (to 1 place; 0 when
 * nothing counts).
 */
public record ScoreView(double achieved, double possible, double percent) {

  public static ScoreView of(Score score) {
    return new ScoreView(
        round(score.achieved(), 100), round(score.possible(), 100), round(100 * score.ratio(), 10));
  }

  static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }
}
