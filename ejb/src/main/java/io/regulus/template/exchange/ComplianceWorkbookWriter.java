package io.regulus.template.exchange;

import static io.regulus.template.exchange.ComplianceWorkbook.*;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.spreadsheet.EnumLabels;
import io.regulus.spreadsheet.XlsxBook;
import io.regulus.spreadsheet.XlsxSheet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a template version as Compliance Manager's workbook ({@link ComplianceWorkbook}) with
 * POI's streaming SXSSF: the tabs Template, ControlFamily, Actions, and Dimensions when the header
 * has dimension rows. Stateless: one writer may serve any number of exports at once.
 *
 * <p>The forms are canonical, so that reading the workbook back and writing it again gives the same
 * cells: implementationType as "Technical", "Operational" or "Documentation"; certification is the
 * header's certification attribute, else its regulation when that differs from the title; the
 * dimension columns are the union of the actions' non-blank dimensions in first-seen order (names
 * compared in any case), and an action's category, solution and responsibility are written as the
 * dimensions Category, Solution and Responsibility ("Customer", "Provider") when its own dimensions
 * do not name them, so that no field of the action is lost.
 *
 * <p>The dimension columns must be known before the first action row, and the actions may be gone
 * through once only: they are written first to a compressed temporary file, holding only their keys
 * and titles in memory (the controls name their actions by title), then copied into the sheet.
 */
public final class ComplianceWorkbookWriter implements TemplateWriter {

  @Override
  public void write(TemplateContent content, OutputStream out) throws IOException {
    Path spool = Files.createTempFile("regulus-template-", ".actions.gz");
    try (XlsxBook book = new XlsxBook()) {
      Spooled actions = spool(content.actions(), spool);
      template(book.sheet(TEMPLATE), content.header());
      controls(book.sheet(CONTROLS), content.controls(), actions.titles);
      actions(book.sheet(ACTIONS), spool, actions);
      List<Map<String, String>> dimensions = content.header().dimensions();
      List<String> columns = dimensionColumns(dimensions);
      if (!columns.isEmpty()) {
        dimensions(book.sheet(DIMENSIONS), columns, dimensions);
      }
      book.write(out);
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  private static void template(XlsxSheet sheet, TemplateHeader header) {
    sheet.header(TEMPLATE_COLUMNS, column -> false);
    Map<String, String> attributes = header.attributes();
    String certification = attributes.get(CERTIFICATION);
    if (certification == null
        && header.regulation() != null
        && !header.regulation().equals(header.title())) {
      certification = header.regulation();
    }
    sheet.startRow();
    text(sheet, 0, header.title());
    text(sheet, 1, attributes.get(PRODUCT));
    text(sheet, 2, certification);
    text(sheet, 3, attributes.get(IN_SCOPE_SERVICES));
  }

  private static void controls(
      XlsxSheet sheet, Iterable<ExchangeControl> controls, Map<String, String> titles) {
    sheet.header(CONTROL_COLUMNS, column -> false);
    for (ExchangeControl control : controls) {
      sheet.startRow();
      text(sheet, 0, control.id());
      text(sheet, 1, control.family());
      text(sheet, 2, control.title());
      text(sheet, 3, control.description());
      List<String> actionTitles = new ArrayList<>();
      for (String key : control.actionKeys()) {
        String title = titles.get(key);
        if (title == null) {
          throw new IllegalArgumentException(
              "Control " + control.id() + " maps action " + key + ", which the version lacks");
        }
        actionTitles.add(title);
      }
      text(sheet, 4, actionTitles.isEmpty() ? null : String.join(LIST, actionTitles));
    }
  }

  private static void actions(XlsxSheet sheet, Path spool, Spooled spooled) throws IOException {
    List<String> names = new ArrayList<>(spooled.dimensions.values());
    List<String> headers = new ArrayList<>(ACTION_COLUMNS);
    names.forEach(name -> headers.add(DIMENSION + name));
    sheet.header(headers, column -> false);
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(Files.newInputStream(spool))))) {
      for (int i = 0; i < spooled.count; i++) {
        sheet.startRow();
        text(sheet, 0, read(in));
        text(sheet, 1, read(in));
        int points = in.readInt();
        sheet.put(2, points < 0 ? null : points, XlsxSheet.Kind.WHOLE, false);
        text(sheet, 3, read(in));
        text(sheet, 4, read(in));
        Map<String, String> dimensions = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
          dimensions.put(read(in), read(in));
        }
        for (int column = 0; column < names.size(); column++) {
          text(sheet, ACTION_COLUMNS.size() + column, dimensions.get(lower(names.get(column))));
        }
      }
    }
  }

  /** The Dimensions tab's columns: every name its rows use, in first-seen order. */
  private static List<String> dimensionColumns(List<Map<String, String>> rows) {
    return rows.stream().flatMap(row -> row.keySet().stream()).distinct().toList();
  }

  private static void dimensions(
      XlsxSheet sheet, List<String> columns, List<Map<String, String>> rows) {
    sheet.header(columns, column -> false);
    for (Map<String, String> row : rows) {
      sheet.startRow();
      for (int column = 0; column < columns.size(); column++) {
        text(sheet, column, row.get(columns.get(column)));
      }
    }
  }

  /** What the spool holds besides the rows: the count, titles by key, dimension names. */
  private static final class Spooled {
    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private int count;
  }

  /**
   * Each action as its row: title, type, points (-1 for none), the two descriptions, dimensions.
   */
  private static Spooled spool(Iterable<ExchangeAction> actions, Path spool) throws IOException {
    Spooled spooled = new Spooled();
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(spool))))) {
      for (ExchangeAction action : actions) {
        spooled.titles.put(action.key(), action.title());
        spooled.count++;
        write(out, action.title());
        write(
            out,
            action.type() == null ? null : EnumLabels.label(ActionType.valueOf(action.type())));
        out.writeInt(action.points() == null ? -1 : action.points());
        write(out, action.descriptionTitle());
        write(out, action.description());
        Map<String, String> dimensions = dimensions(action);
        dimensions.keySet().forEach(name -> spooled.dimensions.putIfAbsent(lower(name), name));
        out.writeInt(dimensions.size());
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
          write(out, lower(dimension.getKey()));
          write(out, dimension.getValue());
        }
      }
    }
    return spooled;
  }

  /** The action's non-blank dimensions, with its category, solution and responsibility. */
  private static Map<String, String> dimensions(ExchangeAction action) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    action
        .dimensions()
        .forEach(
            (name, value) -> {
              if (value != null && !value.isBlank() && !named(dimensions, name)) {
                dimensions.put(name, value);
              }
            });
    if (action.category() != null && !named(dimensions, CATEGORY)) {
      dimensions.put(CATEGORY, action.category());
    }
    if (action.solution() != null && !named(dimensions, SOLUTION)) {
      dimensions.put(SOLUTION, action.solution());
    }
    if (action.managedBy() != null && !named(dimensions, RESPONSIBILITY)) {
      dimensions.put(RESPONSIBILITY, EnumLabels.label(ManagedBy.valueOf(action.managedBy())));
    }
    return dimensions;
  }

  private static boolean named(Map<String, String> dimensions, String name) {
    return dimensions.keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  private static void text(XlsxSheet sheet, int column, String value) {
    sheet.put(column, value == null || value.isEmpty() ? null : value, XlsxSheet.Kind.TEXT, false);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static void write(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String read(DataInputStream in) throws IOException {
    int length = in.readInt();
    return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
