package io.regulus.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a node serves again under a fingerprint, and how its own committed change moves a value on.
 */
class FingerprintCacheTest {

  private static final ActiveTenant ACME = tenant("acme");
  private static final ActiveTenant GLOBEX = tenant("globex");
  private static final Fingerprint V7 = new Fingerprint("360:360/2:9/1:0", 7, "0:0/2026-11-24");

  private final List<String> loads = new ArrayList<>();

  private static ActiveTenant tenant(String slug) {
    TenantSlug parsed = new TenantSlug(slug);
    return new ActiveTenant(parsed, parsed.schemaName());
  }

  /**
   * Reads {@code value} when nothing is kept under {@code fingerprint}, in the same snapshot as it.
   */
  private String load(
      FingerprintCache<String> cache, ActiveTenant tenant, Fingerprint fingerprint, String value) {
    return load(cache, tenant, fingerprint, value, fingerprint);
  }

  /** The same, with the data read in a snapshot of fingerprint {@code label}. */
  private String load(
      FingerprintCache<String> cache,
      ActiveTenant tenant,
      Fingerprint fingerprint,
      String value,
      Fingerprint label) {
    return cache.get(
        tenant,
        fingerprint,
        (previousFingerprint, previous) -> {
          loads.add(value + " after " + previous);
          return new FingerprintCache.Read<>(label, value);
        });
  }

  @Test
  void theSameFingerprintServesTheValueAgainAndAnotherLoadsItFromTheOneBefore() {
    FingerprintCache<String> cache = new FingerprintCache<>(8);
    assertThat(load(cache, ACME, V7, "a")).isEqualTo("a");
    assertThat(load(cache, ACME, V7, "b")).isEqualTo("a");
    assertThat(load(cache, ACME, V7.afterOneChange(), "c")).isEqualTo("c");
    assertThat(loads).containsExactly("a after null", "c after a");
  }

  @Test
  void tenantsNeverShareAValueEvenUnderEqualFingerprints() {
    FingerprintCache<String> cache = new FingerprintCache<>(8);
    load(cache, ACME, V7, "acme's");
    assertThat(load(cache, GLOBEX, V7, "globex's")).isEqualTo("globex's");
    assertThat(load(cache, ACME, V7, "again")).isEqualTo("acme's");
  }

  @Test
  void aCommittedChangeMovesTheValueToTheFingerprintOneChangeLater() {
    FingerprintCache<String> cache = new FingerprintCache<>(8);
    load(cache, ACME, V7, "a");
    cache.advance(ACME, value -> value + "+1");
    // the database at one change later is exactly this change: served without loading
    assertThat(load(cache, ACME, V7.afterOneChange(), "loaded")).isEqualTo("a+1");
    // another change happened too: the fingerprints differ, so it is loaded
    cache.advance(ACME, value -> value + "+1");
    Fingerprint twoMore = V7.afterOneChange().afterOneChange().afterOneChange();
    assertThat(load(cache, ACME, twoMore, "loaded")).isEqualTo("loaded");
  }

  @Test
  void aChangeThatCannotBeAppliedDropsTheValue() {
    FingerprintCache<String> cache = new FingerprintCache<>(8);
    load(cache, ACME, V7, "a");
    cache.advance(ACME, value -> null);
    assertThat(load(cache, ACME, V7, "loaded")).isEqualTo("loaded");
    cache.advance(GLOBEX, value -> "never: globex has no value here");
    assertThat(load(cache, GLOBEX, V7.afterOneChange(), "globex")).isEqualTo("globex");
  }

  @Test
  void aValueIsKeptUnderTheFingerprintOfItsOwnSnapshotNotTheOneReadBeforeIt() {
    FingerprintCache<String> cache = new FingerprintCache<>(8);
    Fingerprint withNewEvidence = new Fingerprint(V7.structure(), V7.versions(), "1:1/2026-11-24");
    // the request read V7, then the data after evidence was added: kept under the later fingerprint
    assertThat(load(cache, ACME, V7, "with evidence", withNewEvidence)).isEqualTo("with evidence");
    // the evidence is deleted again and the database is back at V7: not served the data that had it
    assertThat(load(cache, ACME, V7, "without evidence")).isEqualTo("without evidence");
    // a value read in no one snapshot is served once and not kept
    load(cache, GLOBEX, V7, "mixed", null);
    assertThat(load(cache, GLOBEX, V7, "globex")).isEqualTo("globex");
  }

  @Test
  void theLeastRecentlyUsedTenantGoesFirst() {
    FingerprintCache<String> cache = new FingerprintCache<>(1);
    load(cache, ACME, V7, "acme");
    load(cache, GLOBEX, V7, "globex");
    assertThat(load(cache, ACME, V7, "acme again")).isEqualTo("acme again");
  }
}
