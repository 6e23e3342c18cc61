package io.regulus.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Text, tables and images flowing down the pages of one PDF: a new page starts whenever the next
 * piece does not fit, a table repeats its header there, and every page gets a footer. Text is set
 * in Liberation Sans, the TrueType font PDFBox itself ships (so it is there on every server, with
 * no system font needed), embedded as a subset: it covers Latin-1 and far beyond (Latin Extended,
 * Greek, Cyrillic); a character it lacks shows as '?'. Bold is the same font drawn filled and
 * stroked. Text too wide for its place is wrapped (paragraphs, table cells up to their column's
 * lines) and cut with an ellipsis past that.
 */
final class PdfLayout implements Closeable {

  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  static final float MARGIN = 48;
  private static final Logger LOG = Logger.getLogger(PdfLayout.class.getName());
  private static final float LOGO_HEIGHT = 36;
  private static final float FOOTER = 28;
  private static final float GREY = 0.4f;
  private static final float CELL_FONT = 9;
  private static final float ROW = 15;
  private static final float LINE = 11;
  private static final byte[] FONT_BYTES = fontBytes();

  /**
   * A table column: its header, width in points, whether its values align right, and how many lines
   * a value may wrap onto before it is cut with an ellipsis.
   */
  record Column(String header, float width, boolean right, int lines) {

    Column(String header, float width, boolean right) {
      this(header, width, right, 1);
    }
  }

  private final PDDocument document = new PDDocument();
  private final PDRectangle size;
  private final PDType0Font font;
  private final CmapLookup glyphs;
  private final String footer;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream content;
  private float y;

  /**
   * @param title the document's title, as a reader's window shows it
   * @param footer the text at the foot of every page, followed by the page's number
   */
  PdfLayout(PDRectangle size, String title, String footer) throws IOException {
    document.getDocumentInformation().setTitle(title);
    document.getDocumentInformation().setProducer("Regulus");
    this.size = size;
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
    this.glyphs = ttf.getUnicodeCmapLookup();
    this.font = PDType0Font.load(document, ttf, true);
    this.footer = footer;
    newPage();
  }

  static InputStream fontStream() {
    return new ByteArrayInputStream(FONT_BYTES);
  }

  float width() {
    return size.getWidth() - 2 * MARGIN;
  }

  PDDocument document() {
    return document;
  }

  /** Moves down, starting a new page when less than {@code needed} points are left. */
  void ensure(float needed) throws IOException {
    if (y - needed < MARGIN + FOOTER) {
      newPage();
    }
  }

  void gap(float points) {
    y -= points;
  }

  /**
   * The firm's logo at the top left, its name beside it (or alone when it has no logo). A logo that
   * is not a readable image is left out, not a reason to fail the report.
   */
  void branding(Branding branding) throws IOException {
    PDImageXObject logo = logo(branding);
    float x = MARGIN;
    float top = y();
    float height = 14;
    if (logo != null) {
      float width = Math.min(160, LOGO_HEIGHT * logo.getWidth() / logo.getHeight());
      float shownHeight = width * logo.getHeight() / logo.getWidth();
      drawImage(logo, x, top - shownHeight, width, shownHeight);
      x += width + 12;
      height = Math.max(height, shownHeight);
    }
    float room = MARGIN + width() - x;
    show(fitted(shown(branding.firmName()), 12, room), x, top - height / 2 - 4, 12, true, 0.3f);
    moveTo(top - height - 14);
  }

  private PDImageXObject logo(Branding branding) {
    return branding
        .logoBytes()
        .map(
            bytes -> {
              try {
                return PDImageXObject.createFromByteArray(document, bytes, "logo");
              } catch (IOException | IllegalArgumentException unreadable) {
                LOG.log(
                    Level.WARNING, "A firm's logo is not a readable image: left out", unreadable);
                return null;
              }
            })
        .orElse(null);
  }

  /** Text wrapped at word boundaries to the page's width (a word longer than a line is split). */
  void paragraph(String text, float fontSize, boolean bold, float grey) throws IOException {
    for (String line : wrap(shown(text), fontSize, width())) {
      ensure(fontSize * 1.3f);
      y -= fontSize * 1.3f;
      show(line, MARGIN, y + fontSize * 0.25f, fontSize, bold, grey);
    }
  }

  /** A heading kept on the page with at least {@code keep} points after it. */
  void heading(String text, float keep) throws IOException {
    ensure(30 + keep);
    y -= 12;
    paragraph(text, 13, true, 0);
    y -= 4;
  }

  /** An image scaled to {@code width} points wide, keeping its proportions. */
  void image(BufferedImage image, float width) throws IOException {
    PDImageXObject object = LosslessFactory.createFromImage(document, image);
    float height = width * image.getHeight() / image.getWidth();
    ensure(height);
    y -= height;
    content.drawImage(object, MARGIN, y, width, height);
  }

  /**
   * A table with its header on every page it spans. Cells are text, wrapped to their column's lines
   * and cut with an ellipsis past them.
   */
  void table(List<Column> columns, List<List<String>> rows) throws IOException {
    ensure(ROW * 2);
    headerRow(columns);
    if (rows.isEmpty()) {
      y -= ROW;
      show("None", MARGIN + 4, y + 4.5f, CELL_FONT, false, GREY);
      return;
    }
    boolean shaded = false;
    for (List<String> row : rows) {
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < columns.size(); i++) {
        List<String> cell = cellLines(columns.get(i), row.get(i));
        cells.add(cell);
        lines = Math.max(lines, cell.size());
      }
      float height = ROW + (lines - 1) * LINE;
      if (y - height < MARGIN + FOOTER) {
        newPage();
        headerRow(columns);
      }
      y -= height;
      if (shaded) {
        content.setNonStrokingColor(0.95f);
        content.addRect(MARGIN, y, tableWidth(columns), height);
        content.fill();
      }
      shaded = !shaded;
      cells(columns, cells, false);
    }
  }

  private List<String> cellLines(Column column, String value) throws IOException {
    float room = column.width() - 8;
    List<String> lines = wrap(shown(value), CELL_FONT, room);
    if (lines.size() <= column.lines()) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, column.lines()));
    int last = kept.size() - 1;
    // the next line did not fit beside the last one, so together they are cut with an ellipsis
    kept.set(last, fitted(kept.get(last) + " " + lines.get(last + 1), CELL_FONT, room));
    return kept;
  }

  private void headerRow(List<Column> columns) throws IOException {
    y -= ROW;
    content.setNonStrokingColor(0.85f, 0.89f, 0.95f);
    content.addRect(MARGIN, y, tableWidth(columns), ROW);
    content.fill();
    List<List<String>> headers = new ArrayList<>();
    for (Column column : columns) {
      headers.add(List.of(fitted(shown(column.header()), CELL_FONT, column.width() - 8)));
    }
    cells(columns, headers, true);
  }

  /** The cells of the row whose bottom is at y, their lines from the row's top down. */
  private void cells(List<Column> columns, List<List<String>> values, boolean bold)
      throws IOException {
    float x = MARGIN;
    int lines = values.stream().mapToInt(List::size).max().orElse(1);
    float top = y + ROW + (lines - 1) * LINE;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      float room = column.width() - 8;
      float baseline = top - ROW + 4.5f;
      for (String text : values.get(i)) {
        float left = column.right() ? x + 4 + room - textWidth(text, CELL_FONT) : x + 4;
        show(text, left, baseline, CELL_FONT, bold, 0);
        baseline -= LINE;
      }
      x += column.width();
    }
  }

  private static float tableWidth(List<Column> columns) {
    return (float) columns.stream().mapToDouble(Column::width).sum();
  }

  /** Text at a place of the page, not moving the flow. */
  void show(String text, float x, float baseline, float fontSize, boolean bold, float grey)
      throws IOException {
    content.beginText();
    content.setFont(font, fontSize);
    content.setNonStrokingColor(grey);
    if (bold) {
      content.setRenderingMode(RenderingMode.FILL_STROKE);
      content.setStrokingColor(grey);
      content.setLineWidth(fontSize / 50);
    } else {
      content.setRenderingMode(RenderingMode.FILL);
    }
    content.newLineAtOffset(x, baseline);
    content.showText(shown(text));
    content.endText();
  }

  void drawImage(PDImageXObject image, float x, float bottom, float width, float height)
      throws IOException {
    content.drawImage(image, x, bottom, width, height);
  }

  float y() {
    return y;
  }

  float top() {
    return size.getHeight() - MARGIN;
  }

  void moveTo(float newY) {
    y = newY;
  }

  float textWidth(String text, float fontSize) throws IOException {
    return font.getStringWidth(shown(text)) / 1000 * fontSize;
  }

  /** The text cut with an ellipsis to fit {@code room} points. */
  String fitted(String text, float fontSize, float room) throws IOException {
    if (textWidth(text, fontSize) <= room) {
      return text;
    }
    int low = 0;
    int high = text.length();
    while (low < high) {
      int middle = (low + high + 1) / 2;
      if (textWidth(text.substring(0, middle).stripTrailing() + "\u2026", fontSize) <= room) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return text.substring(0, low).stripTrailing() + "\u2026";
  }

  /** The lines of {@code text} wrapped to {@code room} points. */
  List<String> wrap(String text, float fontSize, float room) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (textWidth(candidate, fontSize) <= room) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
      }
      String rest = word;
      while (textWidth(rest, fontSize) > room) {
        String head = fitted(rest, fontSize, room);
        int cut = Math.max(1, head.length() - 1);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.setLength(0);
      line.append(rest);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The text as the font can show it: controls and line breaks become spaces, characters the font
   * lacks '?'.
   */
  String shown(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            point -> {
              if (Character.isISOControl(point) || Character.isWhitespace(point)) {
                shown.append(' ');
              } else if (glyphs.getGlyphId(point) == 0) {
                shown.append('?');
              } else {
                shown.appendCodePoint(point);
              }
            });
    return shown.toString();
  }

  /** Ends the last page, numbers every page in its footer, and writes the document. */
  void write(OutputStream out) throws IOException {
    content.close();
    content = null;
    for (int i = 0; i < pages.size(); i++) {
      try (PDPageContentStream foot =
          new PDPageContentStream(
              document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
        content = foot;
        String number = "Page " + (i + 1) + " of " + pages.size();
        float numberWidth = textWidth(number, 8);
        show(fitted(shown(footer), 8, width() - numberWidth - 16), MARGIN, MARGIN, 8, false, GREY);
        show(number, size.getWidth() - MARGIN - numberWidth, MARGIN, 8, false, GREY);
      } finally {
        content = null;
      }
    }
    document.save(out);
  }

  @Override
  public void close() throws IOException {
    try {
      if (content != null) {
        content.close();
      }
    } finally {
      document.close();
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(size);
    document.addPage(page);
    pages.add(page);
    content = new PDPageContentStream(document, page);
    y = top();
  }

  private static byte[] fontBytes() {
    try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox's font " + FONT + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
