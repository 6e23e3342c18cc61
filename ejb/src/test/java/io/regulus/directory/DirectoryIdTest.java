package io.regulus.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class DirectoryIdTest {

  @Test
  void aUuidIsTakenInItsCanonicalForm() {
    assertThat(DirectoryId.require("3F2B8C1E-7D4A-4F6E-9B0A-1C2D3E4F5A6B", "userId"))
        .isEqualTo("3f2b8c1e-7d4a-4f6e-9b0a-1c2d3e4f5a6b");
  }

  @Test
  void anythingElseIsRefusedNamingItsField() {
    for (String bad :
        new String[] {
          null,
          "",
          "..",
          "%2e%2e",
          "../users",
          "not-a-uuid",
          "1-1-1-1-1",
          "3f2b8c1e-7d4a-4f6e-9b0a-1c2d3e4f5a6b/..",
          "3f2b8c1e-7d4a-4f6e-9b0a-1c2d3e4f5a6"
        }) {
      assertThatThrownBy(() -> DirectoryId.require(bad, "assigneeId"))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.violations().get(0).field()).isEqualTo("assigneeId"));
    }
  }
}
