package io.regulus.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.problem.Violation;
import io.regulus.scoring.TestStatus;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The rules of evidence that need no database: details, links, parents and the deletion lock. */
class EvidenceRulesTest {

  @Test
  void aWindowEndsOnOrAfterItStarts() {
    LocalDate day = LocalDate.of(2027, 3, 1);
    assertThat(EvidenceService.check(new EvidenceDetails("t", day, day))).isEmpty();
    assertThat(EvidenceService.check(new EvidenceDetails(null, null, day))).isEmpty();
    assertThat(EvidenceService.check(new EvidenceDetails(null, day, day.minusDays(1))))
        .extracting(Violation::field)
        .containsExactly("validUntil");
  }

  @Test
  void aTitleHasAtMost300Characters() {
    assertThat(EvidenceService.check(new EvidenceDetails("x".repeat(300), null, null))).isEmpty();
    assertThat(EvidenceService.check(new EvidenceDetails("x".repeat(301), null, null)))
        .extracting(Violation::field)
        .containsExactly("title");
  }

  @Test
  void aLinkIsAnAbsoluteHttpOrHttpsUrl() {
    assertThat(EvidenceService.isWebUrl("https://intranet.example.com/policies/mfa?v=2#top"))
        .isTrue();
    assertThat(EvidenceService.isWebUrl("HTTP://example.com")).isTrue();
    assertThat(EvidenceService.isWebUrl("  https://example.com/padded  ")).isTrue();
    assertThat(EvidenceService.isWebUrl("javascript:alert(1)")).isFalse();
    assertThat(EvidenceService.isWebUrl("file:///etc/passwd")).isFalse();
    assertThat(EvidenceService.isWebUrl("ftp://example.com/x")).isFalse();
    assertThat(EvidenceService.isWebUrl("/relative/path")).isFalse();
    assertThat(EvidenceService.isWebUrl("https://")).isFalse();
    assertThat(EvidenceService.isWebUrl("https://exa mple.com")).isFalse();
    assertThat(EvidenceService.isWebUrl("https://example.com/" + "a".repeat(2000))).isFalse();
    assertThat(EvidenceService.isWebUrl(null)).isFalse();
  }

  @Test
  void evidenceIsLockedOncePassedFailedOrOutOfScope() {
    EnumSet<TestStatus> locking =
        EnumSet.of(
            TestStatus.PASSED,
            TestStatus.FAILED_LOW_RISK,
            TestStatus.FAILED_MEDIUM_RISK,
            TestStatus.FAILED_HIGH_RISK,
            TestStatus.OUT_OF_SCOPE);
    for (TestStatus status : TestStatus.values()) {
      assertThat(holder(null, status).evidenceLocked())
          .as(status.name())
          .isEqualTo(locking.contains(status));
    }
  }

  @Test
  void anActionThatFollowsItsParentShowsTheParentsEvidence() {
    assertThat(holder(null, TestStatus.NONE).owner()).isEqualTo(7);
    assertThat(holder(3L, TestStatus.NONE).owner()).isEqualTo(3);
    assertThat(holder(3L, TestStatus.NONE).followsParent()).isTrue();
    assertThat(new EvidenceFollowsParentException(7, holder(3L, TestStatus.NONE)).detail())
        .contains("'mfa-for-all-users'", "action 3");
  }

  private static EvidenceHolder holder(Long parent, TestStatus status) {
    return new EvidenceHolder(
        7,
        parent,
        parent == null ? null : "mfa-for-all-users",
        parent == null ? null : "Require MFA for all users",
        null,
        status);
  }
}
