package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys from titles: stable, readable, within the column, and two long titles never meet. */
class ActionKeysTest {

  @Test
  void aTitleBecomesLowerCaseWordsJoinedByDashes() {
    assertThat(ActionKeys.fromTitle("Enable MFA for admins (all)"))
        .isEqualTo("enable-mfa-for-admins-all");
    assertThat(ActionKeys.fromTitle("  Réviser les accès — trimestriel "))
        .isEqualTo("reviser-les-acces-trimestriel");
    assertThat(ActionKeys.fromTitle("!!!")).isEqualTo("action");
    assertThat(ActionKeys.forControl("nist", "AC-2(1)")).isEqualTo("nist-ac-2-1");
  }

  @Test
  void longTitlesKeepTheirStartAndADigestOfTheWhole() {
    String start =
        "Review every privileged account of every system the organisation runs ".repeat(2);
    String one = ActionKeys.fromTitle(start + "monthly");
    String two = ActionKeys.fromTitle(start + "weekly");
    assertThat(one).hasSizeLessThanOrEqualTo(ActionKeys.MAX).startsWith("review-every-privileged");
    assertThat(one).isNotEqualTo(two).matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(ActionKeys.fromTitle(start + "monthly")).isEqualTo(one);
  }

  @Test
  void aTenantsDerivedKeysAreInItsNamespaceAndTheWholeKeyWithinTheColumn() {
    assertThat(ActionKeys.fromTitle(ActionKeys.TENANT, "Vendor review"))
        .isEqualTo("tenant:vendor-review");
    assertThat(ActionKeys.forControl(ActionKeys.TENANT, "nist", "AC-2(1)"))
        .isEqualTo("tenant:nist-ac-2-1");
    String title = "Review every privileged account of every system the organisation runs monthly";
    assertThat(ActionKeys.fromTitle(title)).hasSize(77);
    String key = ActionKeys.fromTitle(ActionKeys.TENANT, title);
    assertThat(key).hasSizeLessThanOrEqualTo(ActionKeys.MAX).startsWith("tenant:review-every");
    assertThat(ActionKeys.valid(key)).isTrue();
    assertThat(ActionKeys.namespace(key)).isEqualTo("tenant");
    assertThat(ActionKeys.namespace("vendor-review")).isEmpty();
    assertThat(ActionKeys.valid("Tenant:x")).isFalse();
    assertThat(ActionKeys.valid("tenant:")).isFalse();
    assertThat(ActionKeys.valid("a:b:c")).isFalse();
  }
}
