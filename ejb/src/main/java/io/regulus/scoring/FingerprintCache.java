package io.regulus.scoring;

import io.regulus.tenancy.ActiveTenant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one node computed per tenant, each value under the {@link Fingerprint} of the data it came
 * from, for the most recently used tenants. A request reads the database's fingerprint first and is
 * served the kept value only under the same one, so every node stays right on its own. A value is
 * kept under the fingerprint read in the same statement as its data, never under the one read
 * before it: data read a moment later can be newer, and parts of the fingerprint (a count, a
 * highest id) can come back to an earlier value when the newest row goes.
 *
 * @param <V> an immutable value
 */
public final class FingerprintCache<V> {

  /** Computes the value anew, from the one before when this node has it (else nulls). */
  @FunctionalInterface
  public interface Loader<V> {
    Read<V> load(Fingerprint previousFingerprint, V previous);
  }

  /**
   * A value as read, with the fingerprint read in the same statement (the same snapshot) as its
   * data; null when it has none (nothing was read, or not all in one snapshot): then it is served
   * once and not kept.
   */
  public record Read<V>(Fingerprint fingerprint, V value) {}

  private record Entry<V>(Fingerprint fingerprint, V value) {}

  private final Map<String, Entry<V>> entries;

  /**
   * @param tenants how many tenants' values are kept; the least recently used go first
   */
  public FingerprintCache(int tenants) {
    entries =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > tenants;
              }
            });
  }

  public V get(ActiveTenant tenant, Fingerprint fingerprint, Loader<V> loader) {
    Entry<V> hit = entries.get(tenant.schemaName());
    if (hit != null && hit.fingerprint().equals(fingerprint)) {
      return hit.value();
    }
    Read<V> read =
        hit == null ? loader.load(null, null) : loader.load(hit.fingerprint(), hit.value());
    if (read.fingerprint() != null) {
      entries.put(tenant.schemaName(), new Entry<>(read.fingerprint(), read.value()));
    }
    return read.value();
  }

  /** Drops the tenant's value: the next read loads it again. */
  public void forget(ActiveTenant tenant) {
    entries.remove(tenant.schemaName());
  }

  /**
   * After one change of one instance, made on this node and committed: the tenant's value becomes
   * {@code change} of it under the fingerprint one change later ({@link
   * Fingerprint#afterOneChange()}), or is dropped when {@code change} gives null. Sound whatever
   * else happened: the database's fingerprint equals the new one only if this change was the only
   * one since the value's fingerprint, and otherwise the next read loads it again.
   */
  public void advance(ActiveTenant tenant, java.util.function.UnaryOperator<V> change) {
    synchronized (entries) {
      Entry<V> entry = entries.get(tenant.schemaName());
      if (entry == null) {
        return;
      }
      V next = change.apply(entry.value());
      if (next == null) {
        entries.remove(tenant.schemaName());
      } else {
        entries.put(tenant.schemaName(), new Entry<>(entry.fingerprint().afterOneChange(), next));
      }
    }
  }
}
