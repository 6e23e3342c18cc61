package io.regulus.action.workbook;

import io.regulus.spreadsheet.CellError;
import io.regulus.spreadsheet.SheetCells;
import io.regulus.spreadsheet.XlsxUpload;
import io.regulus.spreadsheet.XlsxUpload.Stop;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.SAXException;

/**
 * Reads an uploaded action workbook without ever holding it whole, through {@link XlsxUpload}
 * (which bounds the upload, refuses zip bombs and caps each part); the sheet stops being read at
 * {@code maxRows} action rows.
 *
 * <p>A fault of the file or the sheet as a whole ends the reading with that one error and no edits;
 * the rows' faults come from {@link RowParser}, besides a second row for the same action.
 */
final class ActionSheetReader {

  private static final long MAX_STRINGS = 64L << 20;
  private static final long MAX_SHEET = 256L << 20;
  private static final String HEADER =
      Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(", "));

  private final int maxRows;
  private final long maxBytes;

  ActionSheetReader(int maxRows, long maxBytes) {
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
  }

  ActionSheet.Parsed read(InputStream in) throws IOException {
    Collector collector = new Collector();
    Optional<CellError> failed =
        XlsxUpload.read(
            in,
            new XlsxUpload.Limits(maxBytes, MAX_STRINGS, MAX_SHEET),
            maxRows + " actions",
            workbook -> read(workbook, collector));
    return failed
        .map(ActionSheet.Parsed::failed)
        .orElseGet(() -> new ActionSheet.Parsed(collector.edits, collector.errors));
  }

  private static void read(XlsxUpload.Workbook workbook, Collector collector)
      throws IOException, SAXException {
    String sheet =
        workbook
            .sheetNamed(ActionSheet.SHEET)
            .orElseThrow(
                () ->
                    new Stop(
                        new CellError(
                            ActionSheet.SHEET,
                            0,
                            null,
                            null,
                            "The workbook has no sheet \""
                                + ActionSheet.SHEET
                                + "\" (its sheets: "
                                + String.join(", ", workbook.sheetNames())
                                + "): upload the exported workbook, with its sheet left as named")));
    workbook.read(sheet, collector);
    if (!collector.headed) {
      throw new Stop(
          new CellError(
              ActionSheet.SHEET,
              1,
              null,
              null,
              "The sheet is empty: it starts with the header row "
                  + HEADER
                  + ", then one row per action"));
    }
  }

  /** The header check, the row cap and the one-row-per-action rule, as the rows stream by. */
  private final class Collector implements SheetCells.Rows {
    private final List<ActionSheet.Edit> edits = new ArrayList<>();
    private final List<CellError> errors = new ArrayList<>();
    private final Map<Long, Integer> rowOfAction = new HashMap<>();
    private boolean headed;
    private int rows;

    @Override
    public void row(int rowNumber, SortedMap<Integer, SheetCells.Cell> cells) throws Stop {
      if (!headed) {
        header(rowNumber, cells);
        headed = true;
      } else if (++rows > maxRows) {
        throw new Stop(
            new CellError(
                ActionSheet.SHEET,
                rowNumber,
                null,
                null,
                "More than "
                    + maxRows
                    + " action rows: split them into workbooks of at most "
                    + maxRows
                    + " rows each; nothing was read"));
      } else {
        RowParser.parse(rowNumber, cells, errors)
            .ifPresent(
                edit -> {
                  Integer first = rowOfAction.putIfAbsent(edit.actionId(), rowNumber);
                  if (first == null) {
                    edits.add(edit);
                  } else {
                    errors.add(
                        new CellError(
                            ActionSheet.SHEET,
                            rowNumber,
                            Column.ACTION_ID.header(),
                            String.valueOf(edit.actionId()),
                            "action "
                                + edit.actionId()
                                + " is in row "
                                + first
                                + " already:"
                                + " keep one row per action"));
                  }
                });
      }
    }

    /**
     * The first non-blank row must be the header, exactly (in any case), and nothing right of it.
     */
    private void header(int rowNumber, SortedMap<Integer, SheetCells.Cell> cells) throws Stop {
      Column[] columns = Column.values();
      int width = Math.max(columns.length, cells.lastKey() + 1);
      for (int index = 0; index < width; index++) {
        SheetCells.Cell cell = cells.get(index);
        String found = cell == null ? "" : cell.text().strip();
        if (index >= columns.length || !columns[index].header().equalsIgnoreCase(found)) {
          throw new Stop(
              new CellError(
                  ActionSheet.SHEET,
                  rowNumber,
                  index < columns.length
                      ? columns[index].header()
                      : CellReference.convertNumToColString(index),
                  cell == null ? null : cell.shown(),
                  "The header row must be exactly "
                      + HEADER
                      + " (column "
                      + CellReference.convertNumToColString(index)
                      + " is "
                      + (found.isEmpty() ? "blank" : "\"" + found + "\"")
                      + "): upload the exported workbook with its header left as it was"));
        }
      }
    }
  }
}
