package io.regulus.template.exchange;

import static io.regulus.template.exchange.ComplianceWorkbook.*;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.spreadsheet.CellError;
import io.regulus.spreadsheet.EnumLabels;
import io.regulus.spreadsheet.SheetCells;
import io.regulus.spreadsheet.XlsxUpload;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.xml.sax.SAXException;

/**
 * Reads a template workbook in Compliance Manager's format ({@link ComplianceWorkbook}) with POI's
 * streaming SAX reader, through {@link XlsxUpload}: no tab is ever held whole, only the shared
 * strings table, the keys of the actions (to check the controls' references) and the control names
 * (to find a control twice). The tabs are read Template, Dimensions (the header is complete then),
 * Actions, ControlFamily, whatever their order in the workbook.
 *
 * <p>What the workbook does not say:
 *
 * <ul>
 *   <li>the regulation is the certification, else the title; product, certification and
 *       inScopeServices are kept as the header's attributes;
 *   <li>an action's key is {@link ActionKeys#fromTitle} of its title (in the import's {@link
 *       ImportOptions#keyNamespace}: a tenant's own actions are "tenant:..."), and a control's
 *       action titles are resolved to those keys;
 *   <li>an action's category is its {@code dimension-Category}, else {@link
 *       ImportOptions#category}; its solution its {@code dimension-Solution}, else none; it is
 *       managed by the provider or the customer as its {@code dimension-Responsibility} says
 *       ("Customer" or "Provider", any case), else as {@link ImportOptions#managedBy} (the
 *       dimensions are kept as they are too);
 *   <li>controls are mandatory or discretionary and of a nature as {@link ImportOptions#mandatory}
 *       and {@link ImportOptions#nature} say: the format has no classification columns.
 * </ul>
 *
 * <p>Every fault is reported, in one pass; a row at fault gives no action or control. A fault of
 * the file as a whole (not an .xlsx, too large, a zip bomb, a broken part) ends the reading. The
 * header goes to the sink once the workbook opens, before any action or control, even when the
 * Template tab is missing or faulty (its title is null then, and the fault reported). Stateless:
 * one reader may serve any number of imports at once.
 */
public final class ComplianceWorkbookReader implements TemplateReader {

  /** The default limits: a workbook of 50,000 actions with long descriptions fits well within. */
  public static final XlsxUpload.Limits LIMITS =
      new XlsxUpload.Limits(128L << 20, 128L << 20, 512L << 20);

  /** At most this many rows in the Template and Dimensions tabs, which are held for the header. */
  static final int MAX_HEADER_ROWS = 10_000;

  private final XlsxUpload.Limits limits;

  public ComplianceWorkbookReader() {
    this(LIMITS);
  }

  public ComplianceWorkbookReader(XlsxUpload.Limits limits) {
    this.limits = limits;
  }

  @Override
  public void read(InputStream in, ImportOptions options, TemplateSink sink) throws IOException {
    Optional<CellError> failed =
        XlsxUpload.read(
            in,
            limits,
            "a template of 50,000 actions",
            workbook -> new Reading(workbook, options, sink).read());
    failed.ifPresent(error -> sink.problem(problem(error)));
  }

  private static ImportProblem problem(CellError error) {
    return new ImportProblem(
        error.sheet() == null ? "file" : error.sheet(),
        error.row() == 0 ? null : error.row(),
        error.column(),
        error.value(),
        error.reason());
  }

  /** One reading of one workbook. */
  private static final class Reading {
    private final XlsxUpload.Workbook workbook;
    private final ImportOptions options;
    private final TemplateSink sink;
    private final Set<String> actionKeys = new HashSet<>();
    private boolean actionsKnown;

    Reading(XlsxUpload.Workbook workbook, ImportOptions options, TemplateSink sink) {
      this.workbook = workbook;
      this.options = options;
      this.sink = sink;
    }

    void read() throws IOException, SAXException {
      Map<String, String> tabs = tabs();
      TemplateHeader header = template(tabs.get(TEMPLATE));
      sink.header(
          new TemplateHeader(
              header.title(),
              header.regulation(),
              null,
              header.attributes(),
              dimensions(tabs.get(DIMENSIONS))));
      actions(tabs.get(ACTIONS));
      controls(tabs.get(CONTROLS));
    }

    /** The tabs found (by name, any case), with a fault for each missing and for a wrong order. */
    private Map<String, String> tabs() {
      Map<String, String> found = new LinkedHashMap<>();
      List<String> names = workbook.sheetNames();
      for (String tab : TABS) {
        Optional<String> name = workbook.sheetNamed(tab);
        if (name.isPresent()) {
          found.put(tab, name.get());
        } else if (!tab.equals(DIMENSIONS)) {
          sink.problem(
              new ImportProblem(
                  tab,
                  null,
                  null,
                  null,
                  "The workbook has no tab \""
                      + tab
                      + "\" (its tabs: "
                      + String.join(", ", names)
                      + "): add it; the tabs are "
                      + String.join(", ", TABS)
                      + " (the last optional), in this order"));
        }
      }
      List<String> order = new ArrayList<>(found.values());
      List<String> inWorkbook = names.stream().filter(order::contains).toList();
      if (!inWorkbook.equals(order)) {
        sink.problem(
            new ImportProblem(
                "file",
                null,
                null,
                String.join(", ", inWorkbook),
                "The tabs are in the order "
                    + String.join(", ", inWorkbook)
                    + ": move them into Compliance Manager's order, "
                    + String.join(", ", order)));
      }
      return found;
    }

    private TemplateHeader template(String tab) throws IOException, SAXException {
      Map<String, String> values = new LinkedHashMap<>();
      if (tab != null) {
        read(
            tab,
            new Rows(tab, List.of(TITLE)) {
              private int rows;

              @Override
              void row(WorkbookTab.Row row) {
                if (++rows > 1) {
                  row.fault(
                      null,
                      null,
                      "The tab holds one row of values, below its header: delete this row");
                  return;
                }
                values.put(TITLE, row.required(TITLE, TITLE_MAX));
                for (String column : List.of(PRODUCT, CERTIFICATION, IN_SCOPE_SERVICES)) {
                  values.put(
                      column,
                      row.optional(
                          column, column.equals(CERTIFICATION) ? TITLE_MAX : Integer.MAX_VALUE));
                }
              }

              @Override
              void end(WorkbookTab columns) {
                if (rows == 0) {
                  columns.problem(
                      columns.headerRow() + 1,
                      TITLE,
                      null,
                      "The tab has no row of values: give the template's title in the row below"
                          + " the header");
                }
              }
            });
      }
      String title = values.get(TITLE);
      String certification = values.get(CERTIFICATION);
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String column : List.of(PRODUCT, CERTIFICATION, IN_SCOPE_SERVICES)) {
        if (values.get(column) != null) {
          attributes.put(column, values.get(column));
        }
      }
      return new TemplateHeader(
          title, certification != null ? certification : title, null, attributes, List.of());
    }

    private List<Map<String, String>> dimensions(String tab) throws IOException, SAXException {
      List<Map<String, String>> rows = new ArrayList<>();
      if (tab != null) {
        read(
            tab,
            new Rows(tab, List.of()) {
              private int count;

              @Override
              void row(WorkbookTab.Row row) {
                if (++count > MAX_HEADER_ROWS) {
                  if (count == MAX_HEADER_ROWS + 1) {
                    row.fault(
                        null,
                        null,
                        "The tab has more than "
                            + MAX_HEADER_ROWS
                            + " rows: keep at most that many");
                  }
                  return;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Integer column : row.columns()) {
                  String header = columns().headers().get(column);
                  String value = row.raw(column, header);
                  if (header == null || header.isEmpty()) {
                    row.fault(
                        null,
                        value,
                        "The cell has no column name above it: name its column in the header row,"
                            + " or clear it");
                  } else if (value != null) {
                    values.put(header, value.strip());
                  }
                }
                rows.add(values);
              }
            });
      }
      return rows;
    }

    private void actions(String tab) throws IOException, SAXException {
      if (tab == null) {
        return;
      }
      Map<String, int[]> rowOfKey = new HashMap<>();
      Map<String, String> titleOfKey = new HashMap<>();
      read(
          tab,
          new Rows(tab, List.of(ACTION_TITLE, IMPLEMENTATION_TYPE, ACTION_SCORE)) {
            private Map<Integer, String> dimensionColumns;

            @Override
            void header(WorkbookTab columns) {
              actionsKnown = columns.has(ACTION_TITLE);
              dimensionColumns = dimensionColumns(columns);
            }

            @Override
            void row(WorkbookTab.Row row) {
              String title = row.required(ACTION_TITLE, TITLE_MAX);
              String key =
                  title == null ? null : ActionKeys.fromTitle(options.keyNamespace(), title);
              if (key != null) {
                int[] first = rowOfKey.putIfAbsent(key, new int[] {row.number()});
                if (first == null) {
                  titleOfKey.put(key, title);
                  actionKeys.add(key);
                } else {
                  String other = titleOfKey.get(key);
                  row.fault(
                      ACTION_TITLE,
                      title,
                      other.equals(title)
                          ? "The action title is in row "
                              + first[0]
                              + " already: give each action a title of its own, or delete this row"
                          : "The title gives the same action key \""
                              + key
                              + "\" as \""
                              + WorkbookTab.shown(other)
                              + "\" in row "
                              + first[0]
                              + " (keys ignore case, accents and punctuation): make the titles"
                              + " differ in their words");
                }
              }
              ActionType type = type(row);
              Integer points = score(row);
              String descriptionTitle = row.optional(ACTION_DESCRIPTION_TITLE, TITLE_MAX);
              String description = row.raw(ACTION_DESCRIPTION);
              Map<String, String> dimensions = new LinkedHashMap<>();
              dimensionColumns.forEach(
                  (column, name) -> {
                    String value = row.raw(column, DIMENSION + name);
                    if (value != null) {
                      dimensions.put(name, value.strip());
                    }
                  });
              String category = dimension(row, dimensions, CATEGORY, CATEGORY_MAX);
              String solution = dimension(row, dimensions, SOLUTION, SOLUTION_MAX);
              String responsibility = dimensionValue(dimensions, RESPONSIBILITY);
              String managedBy =
                  responsibility == null
                      ? options.managedBy()
                      : EnumLabels.parse(ManagedBy.class, responsibility)
                          .map(Enum::name)
                          .orElse(options.managedBy());
              if (!row.faulty()) {
                sink.action(
                    new ExchangeAction(
                        key,
                        title,
                        type.name(),
                        points,
                        descriptionTitle,
                        description,
                        category != null ? category : options.category(),
                        solution,
                        managedBy,
                        dimensions));
              }
            }
          });
    }

    /**
     * The dimension-* columns: column to the dimension's name; a blank or repeated name a fault.
     */
    private Map<Integer, String> dimensionColumns(WorkbookTab columns) {
      Map<Integer, String> dimensions = new LinkedHashMap<>();
      columns
          .headers()
          .forEach(
              (column, header) -> {
                if (header.regionMatches(true, 0, DIMENSION, 0, DIMENSION.length())) {
                  String name = header.substring(DIMENSION.length()).strip();
                  if (name.isEmpty()) {
                    columns.problem(
                        columns.headerRow(),
                        header,
                        header,
                        "The dimension column has no name: name it " + DIMENSION + "<name>");
                  } else {
                    dimensions.put(column, name);
                  }
                }
              });
      return dimensions;
    }

    private static ActionType type(WorkbookTab.Row row) {
      String text = row.required(IMPLEMENTATION_TYPE, Integer.MAX_VALUE);
      if (text == null) {
        return null;
      }
      Optional<ActionType> type = EnumLabels.parse(ActionType.class, text);
      if (type.isEmpty()) {
        row.fault(
            IMPLEMENTATION_TYPE,
            text,
            "Unknown implementation type: write "
                + String.join(", ", EnumLabels.labels(ActionType.class))
                + " (in any case)");
      }
      return type.orElse(null);
    }

    private static Integer score(WorkbookTab.Row row) {
      String text = row.required(ACTION_SCORE, Integer.MAX_VALUE);
      if (text == null) {
        return null;
      }
      String shown = text;
      try {
        BigDecimal number = new BigDecimal(text.strip()).stripTrailingZeros();
        if (number.scale() <= 0
            && number.compareTo(BigDecimal.ONE) >= 0
            && number.compareTo(BigDecimal.valueOf(99)) <= 0) {
          return number.intValueExact();
        }
        // a number as Excel shows it: 100, not the stored 100.0
        shown = number.toPlainString();
      } catch (NumberFormatException | ArithmeticException notANumber) {
        // reported below
      }
      row.fault(
          ACTION_SCORE,
          shown,
          "The score must be a whole number from 1 to 99 (0 and 100 are refused): type one");
      return null;
    }

    /**
     * A dimension's value that also fills a field of the action, checked for that field's length.
     */
    private static String dimension(
        WorkbookTab.Row row, Map<String, String> dimensions, String name, int max) {
      String value = dimensionValue(dimensions, name);
      return value == null ? null : row.fitted(DIMENSION + name, value, max);
    }

    private static String dimensionValue(Map<String, String> dimensions, String name) {
      return dimensions.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    private void controls(String tab) throws IOException, SAXException {
      if (tab == null) {
        return;
      }
      Map<String, Integer> rowOfControl = new HashMap<>();
      read(
          tab,
          new Rows(
              tab, List.of(CONTROL_NAME, CONTROL_FAMILY, CONTROL_TITLE, CONTROL_ACTION_TITLE)) {
            @Override
            void row(WorkbookTab.Row row) {
              String id = row.required(CONTROL_NAME, CONTROL_ID_MAX);
              if (id != null) {
                Integer first = rowOfControl.putIfAbsent(id, row.number());
                if (first != null) {
                  row.fault(
                      CONTROL_NAME,
                      id,
                      "The control is in row "
                          + first
                          + " already: give each control a name of its own, or merge the rows");
                }
              }
              String family = row.required(CONTROL_FAMILY, FAMILY_MAX);
              String title = row.required(CONTROL_TITLE, TITLE_MAX);
              String description = row.raw(CONTROL_DESCRIPTION);
              Set<String> keys = new LinkedHashSet<>();
              String list = row.raw(CONTROL_ACTION_TITLE);
              if (list != null) {
                for (String actionTitle : list.split(LIST, -1)) {
                  String stripped = actionTitle.strip();
                  if (stripped.isEmpty()) {
                    continue;
                  }
                  String key = ActionKeys.fromTitle(options.keyNamespace(), stripped);
                  if (actionsKnown && !actionKeys.contains(key)) {
                    row.fault(
                        CONTROL_ACTION_TITLE,
                        stripped,
                        "No action of the Actions tab has this title: add the action there, or"
                            + " correct the title (titles are separated by "
                            + LIST
                            + ")");
                  }
                  keys.add(key);
                }
              }
              if (!row.faulty()) {
                sink.control(
                    new ExchangeControl(
                        id,
                        family,
                        title,
                        description,
                        options.mandatory(),
                        options.nature(),
                        List.copyOf(keys)));
              }
            }
          });
    }

    /** Streams a tab into {@code rows}; a tab without even a header row is a fault. */
    private void read(String tab, Rows rows) throws IOException, SAXException {
      workbook.read(tab, rows);
      if (rows.columns == null) {
        sink.problem(
            new ImportProblem(
                tab,
                1,
                null,
                null,
                "The tab is empty: its first row names the columns"
                    + (rows.required.isEmpty() ? "" : " (" + String.join(", ", rows.required) + ")")
                    + ", the rows below hold the values"));
      } else {
        rows.end(rows.columns);
      }
    }

    /**
     * The rows of one tab: the first non-blank row is the header, each later one goes to {@link
     * #row}. Fully blank rows are skipped.
     */
    private abstract class Rows implements SheetCells.Rows {
      private final String tab;
      private final List<String> required;
      private WorkbookTab columns;

      Rows(String tab, List<String> required) {
        this.tab = tab;
        this.required = required;
      }

      @Override
      public void row(int rowNumber, SortedMap<Integer, SheetCells.Cell> cells) {
        if (columns == null) {
          columns = new WorkbookTab(tab, rowNumber, cells, required, sink::problem);
          header(columns);
        } else {
          row(columns.row(rowNumber, cells));
        }
      }

      WorkbookTab columns() {
        return columns;
      }

      void header(WorkbookTab columns) {}

      abstract void row(WorkbookTab.Row row);

      void end(WorkbookTab columns) {}
    }
  }
}
