package io.regulus.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** REGULUS_NIGHTLY and REGULUS_NIGHTLY_AT as read, and refused with what to write. */
class NightlySettingsTest {

  private static Settings nightly(String on, String at) {
    Settings settings = new Settings();
    settings.nightly = on;
    settings.nightlyAt = at;
    return settings;
  }

  @Test
  void onOrOffAndATimeOfDay() {
    assertThat(nightly("on", "02:30").nightly()).isTrue();
    assertThat(nightly(" OFF ", "02:30").nightly()).isFalse();
    assertThat(nightly("on", "02:30").nightlyAt()).isEqualTo(LocalTime.of(2, 30));
    assertThat(nightly("on", "23:05:40").nightlyAt()).isEqualTo(LocalTime.of(23, 5, 40));
  }

  @Test
  void anythingElseIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> nightly("yes", "02:30").nightly())
        .hasMessageContaining("REGULUS_NIGHTLY must be on or off, not 'yes'");
    assertThatThrownBy(() -> nightly("on", "2:30am").nightlyAt())
        .hasMessageContaining("REGULUS_NIGHTLY_AT must be a time of day in UTC such as 02:30");
  }
}
