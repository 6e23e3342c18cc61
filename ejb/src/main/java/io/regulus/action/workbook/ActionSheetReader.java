package io.regulus.action.workbook;

import io.regulus.spreadsheet.CellError;
import io.regulus.spreadsheet.LimitedInput;
import io.regulus.spreadsheet.SheetCells;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded action workbook without ever holding it whole. The upload is copied to a
 * temporary file (at most {@code maxBytes}) and opened through POI's ZipSecureFile, whose defaults
 * refuse zip bombs: an entry inflating more than 100 times its compressed size, or more than 1,000
 * entries. The sheet is parsed with SAX while it is inflated; the parts parsed whole (workbook,
 * styles, shared strings) are capped in size on top of the ratio check, and the sheet stops being
 * read at {@code maxRows} action rows. POI's global limits are left as they are: other code of the
 * application may rely on them.
 *
 * <p>A fault of the file or the sheet as a whole ends the reading with that one error and no edits;
 * the rows' faults come from {@link RowParser}, besides a second row for the same action.
 */
final class ActionSheetReader {

  private static final Logger LOG = Logger.getLogger(ActionSheetReader.class.getName());
  private static final long MAX_SMALL_PART = 16L << 20;
  private static final long MAX_STRINGS = 64L << 20;
  private static final long MAX_SHEET = 256L << 20;
  private static final String HEADER =
      Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(", "));

  /** Ends the reading with one error of the whole sheet. */
  private static final class Stop extends SAXException {
    private static final long serialVersionUID = 1L;
    private final transient CellError error;

    Stop(CellError error) {
      super(error.reason());
      this.error = error;
    }
  }

  private final int maxRows;
  private final long maxBytes;

  ActionSheetReader(int maxRows, long maxBytes) {
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
  }

  ActionSheet.Parsed read(InputStream in) throws IOException {
    Path file = Files.createTempFile("regulus-actions-", ".xlsx");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        new LimitedInput(in, "the file", maxBytes).transferTo(out);
      } catch (LimitedInput.Exceeded tooLarge) {
        return ActionSheet.Parsed.failed(
            CellError.ofFile(
                "The file is larger than "
                    + megabytes(maxBytes)
                    + " MB, far more than a workbook of "
                    + maxRows
                    + " actions needs: upload the exported workbook"));
      }
      return read(file.toFile());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private ActionSheet.Parsed read(File file) throws IOException {
    if (file.length() == 0) {
      return ActionSheet.Parsed.failed(
          CellError.ofFile("The file is empty: upload the exported workbook (.xlsx)"));
    }
    FileMagic magic = FileMagic.valueOf(file);
    if (magic == FileMagic.OLE2) {
      return ActionSheet.Parsed.failed(
          CellError.ofFile(
              "This is an Excel 97-2003 workbook (.xls) or a"
                  + " password-protected one: save it as an Excel workbook (.xlsx) without a password, and upload that"));
    }
    if (magic != FileMagic.OOXML) {
      String kind = magic == FileMagic.UNKNOWN ? "" : " (it looks like " + magic + ")";
      return ActionSheet.Parsed.failed(
          CellError.ofFile(
              "This is not an Excel workbook (.xlsx)"
                  + kind
                  + ": upload the exported workbook, saved as .xlsx (not as CSV)"));
    }
    OPCPackage workbook;
    try {
      workbook = OPCPackage.open(file, PackageAccess.READ);
    } catch (OpenXML4JException
        | UnsupportedFileFormatException
        | InvalidOperationException broken) {
      return unreadable(broken);
    }
    try {
      return read(new XSSFReader(workbook));
    } catch (LimitedInput.Exceeded tooLarge) {
      return ActionSheet.Parsed.failed(
          CellError.ofFile(
              "The workbook's "
                  + tooLarge.what()
                  + " is larger than "
                  + megabytes(tooLarge.limit())
                  + " MB once unpacked, far more than "
                  + maxRows
                  + " actions need"));
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | XmlException
        | POIXMLException
        | InvalidOperationException
        | RecordFormatException
        | IllegalArgumentException
        | IllegalStateException broken) {
      // POI tells a broken part (a missing sheet part, a bad relation) with runtime exceptions too
      return unreadable(broken);
    } finally {
      workbook.revert();
    }
  }

  private ActionSheet.Parsed read(XSSFReader reader)
      throws IOException, OpenXML4JException, SAXException, XmlException {
    CTWorkbook workbook;
    try (InputStream data =
        new LimitedInput(reader.getWorkbookData(), "workbook part", MAX_SMALL_PART)) {
      workbook =
          WorkbookDocument.Factory.parse(data, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getWorkbook();
    }
    List<CTSheet> sheets =
        workbook.getSheets() == null ? List.of() : List.of(workbook.getSheets().getSheetArray());
    Optional<CTSheet> actions =
        sheets.stream()
            .filter(sheet -> ActionSheet.SHEET.equalsIgnoreCase(sheet.getName()))
            .findFirst();
    if (actions.isEmpty()) {
      return ActionSheet.Parsed.failed(
          new CellError(
              ActionSheet.SHEET,
              0,
              null,
              null,
              "The workbook has no sheet \""
                  + ActionSheet.SHEET
                  + "\" (its sheets: "
                  + sheets.stream().map(CTSheet::getName).collect(Collectors.joining(", "))
                  + "): upload the exported workbook, with its sheet left as named"));
    }
    boolean date1904 = workbook.isSetWorkbookPr() && workbook.getWorkbookPr().getDate1904();
    Collector collector = new Collector();
    SheetCells handler = new SheetCells(sharedStrings(reader), styles(reader), date1904, collector);
    XMLReader xml = newXmlReader();
    xml.setContentHandler(handler);
    try (InputStream data =
        new LimitedInput(reader.getSheet(actions.get().getId()), "sheet", MAX_SHEET)) {
      xml.parse(new InputSource(data));
    } catch (Stop stop) {
      return ActionSheet.Parsed.failed(stop.error);
    }
    if (!collector.headed) {
      return ActionSheet.Parsed.failed(
          new CellError(
              ActionSheet.SHEET,
              1,
              null,
              null,
              "The sheet is empty: it starts with the header row "
                  + HEADER
                  + ", then one row per action"));
    }
    return new ActionSheet.Parsed(collector.edits, collector.errors);
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

  private static SharedStrings sharedStrings(XSSFReader reader) throws IOException, SAXException {
    InputStream data = part(reader, true);
    if (data == null) {
      return null;
    }
    try (InputStream limited = new LimitedInput(data, "shared strings part", MAX_STRINGS)) {
      return new ReadOnlySharedStringsTable(limited);
    }
  }

  private static StylesTable styles(XSSFReader reader) throws IOException {
    InputStream data = part(reader, false);
    if (data == null) {
      return null;
    }
    try (InputStream limited = new LimitedInput(data, "styles part", MAX_SMALL_PART)) {
      return new StylesTable(limited);
    }
  }

  /** The shared strings or the styles part; null when the workbook has none (both are optional). */
  private static InputStream part(XSSFReader reader, boolean strings) throws IOException {
    try {
      return strings ? reader.getSharedStringsData() : reader.getStylesData();
    } catch (OpenXML4JException
        | POIXMLException
        | IllegalArgumentException
        | IllegalStateException missing) {
      return null;
    }
  }

  private static XMLReader newXmlReader() throws SAXException {
    try {
      return XMLHelper.newXMLReader();
    } catch (ParserConfigurationException noParser) {
      throw new IllegalStateException("No SAX parser", noParser);
    }
  }

  /**
   * POI's own words name file paths and its API, so they go to the log (FINE) and the user reads
   * plain ones; a zip bomb and a Strict Open XML workbook, which POI cannot read, are told apart.
   */
  private static ActionSheet.Parsed unreadable(Exception broken) {
    LOG.log(Level.FINE, "Unreadable action workbook", broken);
    String message = String.valueOf(broken.getMessage());
    if (message.startsWith("Zip bomb detected")) {
      return ActionSheet.Parsed.failed(
          CellError.ofFile(
              "The workbook unpacks to more than 100 times its size, as"
                  + " no real workbook does, and was refused as a possible zip bomb"));
    }
    if (message.contains("Strict OOXML")) {
      return ActionSheet.Parsed.failed(
          CellError.ofFile(
              "The workbook is saved as \"Strict Open XML Spreadsheet\":"
                  + " save it as \"Excel Workbook (.xlsx)\" and upload that"));
    }
    return ActionSheet.Parsed.failed(
        CellError.ofFile(
            "The file could not be read as an Excel workbook (.xlsx): it is"
                + " damaged, or another kind of file. Open it in Excel, save it as .xlsx, and upload it again"));
  }

  private static long megabytes(long bytes) {
    return bytes >> 20;
  }
}
