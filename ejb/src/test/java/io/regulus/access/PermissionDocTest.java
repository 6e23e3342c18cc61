package io.regulus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/access.md lists every permission with its scope and holders, as {@link Permission} declares
 * them.
 */
class PermissionDocTest {

  @Test
  void theDocumentedTableIsThePermissionsAsDeclared() throws IOException {
    List<String> rows =
        Files.readAllLines(Path.of("..", "docs", "access.md")).stream()
            .filter(line -> line.startsWith("| `"))
            .filter(
                line ->
                    Arrays.stream(Permission.values())
                        .anyMatch(p -> line.startsWith("| `" + p.id() + "`")))
            .toList();

    assertThat(rows)
        .containsExactlyElementsOf(
            Arrays.stream(Permission.values())
                .map(
                    p ->
                        "| `"
                            + p.id()
                            + "` | "
                            + p.scope().name().toLowerCase().replace('_', ' ')
                            + " | "
                            + p.holders()
                            + " |")
                .toList());
  }

  @Test
  void holdersAreSaidInWords() {
    assertThat(Permission.ASSIGN_ACTIONS.holders()).isEqualTo("the tenant's admins");
    assertThat(Permission.WORK_ON_ACTIONS.holders())
        .isEqualTo("the tenant's admins, assessors or contributors");
    assertThat(Permission.READ_TENANT.holders()).isEqualTo("every member of the tenant");
    assertThat(Permission.VIEW_FIRM_CLIENTS.holders()).isEqualTo("every member of the firm");
    assertThat(Permission.ADD_FIRM_CLIENTS.holders()).isEqualTo("the firm's admins");
  }
}
