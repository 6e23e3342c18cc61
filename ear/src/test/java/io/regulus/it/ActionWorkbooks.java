package io.regulus.it;

import io.regulus.action.workbook.ActionSheet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;

/** The bulk-update workbook as the tests handle it: exported through the API, edited, written. */
public final class ActionWorkbooks {

  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private ActionWorkbooks() {}

  /** Every action of the tenant (passed ones included) as the API exports them, read back. */
  public static ActionSheet.Parsed export(String token, String tenant) throws IOException {
    byte[] bytes =
        Api.as(token)
            .queryParam("includePassed", true)
            .accept(XLSX)
            .get("/tenants/" + tenant + "/actions/workbook")
            .then()
            .statusCode(200)
            .contentType(XLSX)
            .extract()
            .asByteArray();
    return ActionSheet.read(new ByteArrayInputStream(bytes));
  }

  /** The exported rows, each as {@code edit} makes it, as a workbook file's bytes. */
  public static byte[] write(
      ActionSheet.Parsed exported, Function<ActionSheet.Edit, ActionSheet.Row> edit)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ActionSheet.write(exported.edits().stream().map(edit).toList(), out);
    return out.toByteArray();
  }
}
