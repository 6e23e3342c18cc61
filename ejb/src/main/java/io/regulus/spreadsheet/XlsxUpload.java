package io.regulus.spreadsheet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
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
 * Opens an uploaded workbook without ever holding it whole, and streams the sheets a caller asks
 * for, in any order, into {@link SheetCells}. The upload is copied to a temporary file (at most
 * {@link Limits#file}) and opened through POI's ZipSecureFile, whose defaults refuse zip bombs: an
 * entry inflating more than 100 times its compressed size, or more than 1,000 entries. Each sheet
 * is parsed with SAX while it is inflated, capped at {@link Limits#sheet} bytes; the parts parsed
 * whole (workbook, styles, shared strings) are capped in size on top of the ratio check. Every XML
 * part is read by POI's hardened parsers: a DTD's external entities are never fetched nor resolved
 * (a sheet's are read as empty, a part parsed whole refuses a DTD). POI's global limits are left as
 * they are: other code of the application may rely on them.
 *
 * <p>A fault of the file as a whole (not an .xlsx, too large, a zip bomb, a broken part) ends the
 * reading with one {@link CellError}, as does a {@link Stop} thrown by the caller.
 */
public final class XlsxUpload {

  private static final Logger LOG = Logger.getLogger(XlsxUpload.class.getName());
  private static final long MAX_SMALL_PART = 16L << 20;

  /**
   * What an upload may cost, in bytes.
   *
   * @param file the upload itself
   * @param strings the shared strings part once inflated (it is held in memory while reading)
   * @param sheet each sheet part once inflated (streamed, never held)
   */
  public record Limits(long file, long strings, long sheet) {}

  /** Ends the reading with one error, such as a missing sheet, from within a caller's reading. */
  public static final class Stop extends SAXException {
    private static final long serialVersionUID = 1L;
    private final transient CellError error;

    public Stop(CellError error) {
      super(error.reason());
      this.error = error;
    }

    public CellError error() {
      return error;
    }
  }

  /** What a caller does with the opened workbook. */
  public interface Reading {
    void read(Workbook workbook) throws IOException, SAXException;
  }

  /** The opened workbook: its sheets' names in tab order, and their rows on demand. */
  public static final class Workbook {
    private final XSSFReader reader;
    private final List<CTSheet> sheets;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final long maxSheet;

    private Workbook(
        XSSFReader reader,
        CTWorkbook workbook,
        SharedStrings strings,
        StylesTable styles,
        long maxSheet) {
      this.reader = reader;
      this.sheets =
          workbook.getSheets() == null ? List.of() : List.of(workbook.getSheets().getSheetArray());
      this.strings = strings;
      this.styles = styles;
      this.date1904 = workbook.isSetWorkbookPr() && workbook.getWorkbookPr().getDate1904();
      this.maxSheet = maxSheet;
    }

    public List<String> sheetNames() {
      return sheets.stream().map(CTSheet::getName).toList();
    }

    /** The name of the first sheet called {@code name}, whatever its case. */
    public Optional<String> sheetNamed(String name) {
      return sheets.stream().map(CTSheet::getName).filter(name::equalsIgnoreCase).findFirst();
    }

    /** Streams the rows of the sheet named exactly {@code name} (one of {@link #sheetNames}). */
    public void read(String name, SheetCells.Rows rows) throws IOException, SAXException {
      CTSheet sheet =
          sheets.stream()
              .filter(each -> each.getName().equals(name))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("No sheet " + name));
      XMLReader xml = newXmlReader();
      xml.setContentHandler(new SheetCells(strings, styles, date1904, rows));
      try (InputStream data = new LimitedInput(sheetData(sheet.getId()), "sheet", maxSheet)) {
        xml.parse(new InputSource(data));
      }
    }

    private InputStream sheetData(String id) throws IOException {
      try {
        return reader.getSheet(id);
      } catch (OpenXML4JException missing) {
        // told as a broken file, as POI's other faults of a part
        throw new IOException(missing);
      }
    }
  }

  private XlsxUpload() {}

  /**
   * Opens the upload and hands it to {@code reading}.
   *
   * @param need what the limits are meant for, in words ("20000 actions"), for the message of a
   *     refused upload
   * @return the fault that ended the reading, if any
   * @throws IOException only when {@code in} itself or the temporary file fails
   */
  public static Optional<CellError> read(
      InputStream in, Limits limits, String need, Reading reading) throws IOException {
    Path file = Files.createTempFile("regulus-upload-", ".xlsx");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        new LimitedInput(in, "the file", limits.file()).transferTo(out);
      } catch (LimitedInput.Exceeded tooLarge) {
        return Optional.of(
            CellError.ofFile(
                "The file is larger than "
                    + megabytes(limits.file())
                    + " MB, far more than a workbook of "
                    + need
                    + " needs: upload the exported workbook"));
      }
      return read(file.toFile(), limits, need, reading);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Optional<CellError> read(File file, Limits limits, String need, Reading reading)
      throws IOException {
    if (file.length() == 0) {
      return Optional.of(
          CellError.ofFile("The file is empty: upload the exported workbook (.xlsx)"));
    }
    FileMagic magic = FileMagic.valueOf(file);
    if (magic == FileMagic.OLE2) {
      return Optional.of(
          CellError.ofFile(
              "This is an Excel 97-2003 workbook (.xls) or a"
                  + " password-protected one: save it as an Excel workbook (.xlsx) without a password, and upload that"));
    }
    if (magic != FileMagic.OOXML) {
      String kind = magic == FileMagic.UNKNOWN ? "" : " (it looks like " + magic + ")";
      return Optional.of(
          CellError.ofFile(
              "This is not an Excel workbook (.xlsx)"
                  + kind
                  + ": upload the exported workbook, saved as .xlsx (not as CSV)"));
    }
    OPCPackage opened;
    try {
      opened = OPCPackage.open(file, PackageAccess.READ);
    } catch (OpenXML4JException
        | UnsupportedFileFormatException
        | InvalidOperationException broken) {
      return Optional.of(unreadable(broken));
    }
    try {
      reading.read(open(new XSSFReader(opened), limits));
      return Optional.empty();
    } catch (Stop stop) {
      return Optional.of(stop.error());
    } catch (LimitedInput.Exceeded tooLarge) {
      return Optional.of(
          CellError.ofFile(
              "The workbook's "
                  + tooLarge.what()
                  + " is larger than "
                  + megabytes(tooLarge.limit())
                  + " MB once unpacked, far more than "
                  + need
                  + " need"));
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
      return Optional.of(unreadable(broken));
    } finally {
      opened.revert();
    }
  }

  private static Workbook open(XSSFReader reader, Limits limits)
      throws IOException, OpenXML4JException, SAXException, XmlException {
    CTWorkbook workbook;
    try (InputStream data =
        new LimitedInput(reader.getWorkbookData(), "workbook part", MAX_SMALL_PART)) {
      workbook =
          WorkbookDocument.Factory.parse(data, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getWorkbook();
    }
    return new Workbook(
        reader, workbook, sharedStrings(reader, limits.strings()), styles(reader), limits.sheet());
  }

  private static SharedStrings sharedStrings(XSSFReader reader, long max)
      throws IOException, SAXException {
    InputStream data = part(reader, true);
    if (data == null) {
      return null;
    }
    try (InputStream limited = new LimitedInput(data, "shared strings part", max)) {
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
  private static CellError unreadable(Exception broken) {
    LOG.log(Level.FINE, "Unreadable workbook", broken);
    String message = String.valueOf(broken.getMessage());
    if (message.startsWith("Zip bomb detected")) {
      return CellError.ofFile(
          "The workbook unpacks to more than 100 times its size, as"
              + " no real workbook does, and was refused as a possible zip bomb");
    }
    for (Throwable cause = broken; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains("DOCTYPE")) {
        return CellError.ofFile(
            "A part of the workbook declares a document type (DOCTYPE), which Excel never writes"
                + " and which could make a reader fetch files or web addresses: it was refused as"
                + " unsafe. Open it in Excel, save it as .xlsx, and upload it again");
      }
    }
    if (message.contains("Strict OOXML")) {
      return CellError.ofFile(
          "The workbook is saved as \"Strict Open XML Spreadsheet\":"
              + " save it as \"Excel Workbook (.xlsx)\" and upload that");
    }
    return CellError.ofFile(
        "The file could not be read as an Excel workbook (.xlsx): it is"
            + " damaged, or another kind of file. Open it in Excel, save it as .xlsx, and upload it again");
  }

  private static long megabytes(long bytes) {
    return bytes >> 20;
  }
}
