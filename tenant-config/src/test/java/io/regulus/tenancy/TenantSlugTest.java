package io.regulus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "acme",
        "globex-eu",
        "a1b",
        "tenant-2027-q1",
        "abcdefghijabcdefghijabcdefghijabcdefghij"
      })
  void acceptsLowercaseNamesWithSingleHyphens(String value) {
    assertThat(new TenantSlug(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "../x",
        "a;drop",
        "UPPER",
        "Acme",
        "ab",
        "1acme",
        "-acme",
        "acme-",
        "ac--me",
        "ac_me",
        "acme ",
        "ac.me",
        "ac/me",
        "acme\u0000",
        "tenant_acme",
        "abcdefghijabcdefghijabcdefghijabcdefghijk",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"
      })
  void refusesEverythingElse(String value) {
    assertThatThrownBy(() -> new TenantSlug(value))
        .isInstanceOf(InvalidTenantSlugException.class)
        .hasMessageContaining("lowercase letters")
        .extracting("field")
        .isEqualTo("slug");
  }

  @Test
  void schemaNameIsDerivedFromTheSlugOnly() {
    assertThat(new TenantSlug("globex-eu").schemaName()).isEqualTo("tenant_globex_eu");
    assertThat(new TenantSlug("acme").schemaName()).isEqualTo("tenant_acme");
  }

  @Test
  void anActiveTenantCannotPointAtAnotherSchema() {
    TenantSlug acme = new TenantSlug("acme");
    assertThat(new ActiveTenant(acme, "tenant_acme").schemaName()).isEqualTo("tenant_acme");
    assertThatThrownBy(() -> new ActiveTenant(acme, "tenant_globex"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActiveTenant(acme, "platform"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void problemDetailNeverEchoesControlCharactersOrHugeInput() {
    assertThatThrownBy(() -> new TenantSlug("x".repeat(500) + "\n"))
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
  }
}
