package io.regulus.spreadsheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook written with POI's streaming SXSSF, one {@link XlsxSheet} after another, in the order
 * the sheets should have. Every sheet keeps only its last {@value #WINDOW} rows in memory.
 */
public final class XlsxBook implements Closeable {

  /** The rows SXSSF keeps in memory, per sheet. */
  static final int WINDOW = 100;

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final Map<String, CellStyle> styles = new HashMap<>();
  private final List<XlsxSheet> sheets = new ArrayList<>();

  public XlsxBook() {
    workbook.setCompressTempFiles(true);
  }

  /** A new sheet, after those made before. */
  public XlsxSheet sheet(String name) {
    XlsxSheet sheet = new XlsxSheet(workbook, styles, name);
    sheets.add(sheet);
    return sheet;
  }

  /** Writes the workbook; the stream is left open. */
  public void write(OutputStream out) throws IOException {
    sheets.forEach(XlsxSheet::fitWidths);
    workbook.write(out);
  }

  /** Deletes the temporary files (SXSSFWorkbook's close disposes of them). */
  @Override
  public void close() throws IOException {
    workbook.close();
  }
}
