package io.regulus.batch.scorerecompute;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * After the scores are recorded: {@code NIGHTLY} when the run is the nightly one (its reports
 * follow), else the run ends with its scores.
 */
@Named
@Dependent
public class NightlyRunDecider implements Decider {

  @Inject
  @BatchProperty(name = "nightly")
  private String nightly;

  @Override
  public String decide(StepExecution[] executions) {
    return Boolean.parseBoolean(nightly) ? "NIGHTLY" : "BY_HAND";
  }
}
