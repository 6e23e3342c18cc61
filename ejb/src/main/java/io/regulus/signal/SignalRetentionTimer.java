package io.regulus.signal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The daily retention pass of signals, at 03:45 UTC on every node (after the nightly score
 * recomputation's hour); a non-persistent timer, so a node down at the hour leaves it to the others
 * or to the next day.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignalRetentionTimer {

  @EJB private SignalRetention retention;

  @Schedule(hour = "3", minute = "45", timezone = "UTC", persistent = false)
  void daily() {
    retention.pass();
  }
}
