package io.regulus.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer: an export of any length holds no more than the window of rows in memory.
 */
class XlsxSheetTest {

  @Test
  void fiveThousandRowsNeverHoldMoreThanTheWindow() throws IOException {
    int most = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XlsxBook book = new XlsxBook()) {
      XlsxSheet sheet = book.sheet("Big");
      sheet.header(List.of("Number", "Text"), column -> false);
      for (int i = 0; i < 5_000; i++) {
        sheet.startRow();
        sheet.put(0, i, XlsxSheet.Kind.WHOLE, false);
        sheet.put(1, "row " + i, XlsxSheet.Kind.TEXT, false);
        most = Math.max(most, sheet.rowsInMemory());
      }
      book.write(out);
      assertThat(sheet.rows()).isEqualTo(5_001);
    }
    assertThat(most).isLessThanOrEqualTo(XlsxBook.WINDOW);
  }
}
