package io.regulus.template.exchange;

import java.util.List;

/**
 * Compliance Manager's Excel template format, as {@link ComplianceWorkbookReader} reads it and
 * {@link ComplianceWorkbookWriter} writes it: the tabs, in this order, and their columns (found by
 * header name, in any case and any order).
 *
 * <ul>
 *   <li>{@value #TEMPLATE}: title, product, certification, inScopeServices; one row of values.
 *   <li>{@value #CONTROLS}: controlName, controlFamily, controlTitle, controlDescription,
 *       controlActionTitle (the titles of the control's actions, separated by {@value #LIST}).
 *   <li>{@value #ACTIONS}: actionTitle, implementationType, actionScore, actionDescriptionTitle,
 *       actionDescription, then any number of {@code dimension-<name>} columns.
 *   <li>{@value #DIMENSIONS} (optional): rows kept as they are.
 * </ul>
 */
public final class ComplianceWorkbook {

  public static final String TEMPLATE = "Template";
  public static final String CONTROLS = "ControlFamily";
  public static final String ACTIONS = "Actions";
  public static final String DIMENSIONS = "Dimensions";

  /** The tabs in Compliance Manager's order; the last is optional. */
  public static final List<String> TABS = List.of(TEMPLATE, CONTROLS, ACTIONS, DIMENSIONS);

  static final String TITLE = "title";
  static final String PRODUCT = "product";
  static final String CERTIFICATION = "certification";
  static final String IN_SCOPE_SERVICES = "inScopeServices";
  static final List<String> TEMPLATE_COLUMNS =
      List.of(TITLE, PRODUCT, CERTIFICATION, IN_SCOPE_SERVICES);

  static final String CONTROL_NAME = "controlName";
  static final String CONTROL_FAMILY = "controlFamily";
  static final String CONTROL_TITLE = "controlTitle";
  static final String CONTROL_DESCRIPTION = "controlDescription";
  static final String CONTROL_ACTION_TITLE = "controlActionTitle";
  static final List<String> CONTROL_COLUMNS =
      List.of(
          CONTROL_NAME, CONTROL_FAMILY, CONTROL_TITLE, CONTROL_DESCRIPTION, CONTROL_ACTION_TITLE);

  static final String ACTION_TITLE = "actionTitle";
  static final String IMPLEMENTATION_TYPE = "implementationType";
  static final String ACTION_SCORE = "actionScore";
  static final String ACTION_DESCRIPTION_TITLE = "actionDescriptionTitle";
  static final String ACTION_DESCRIPTION = "actionDescription";
  static final List<String> ACTION_COLUMNS =
      List.of(
          ACTION_TITLE,
          IMPLEMENTATION_TYPE,
          ACTION_SCORE,
          ACTION_DESCRIPTION_TITLE,
          ACTION_DESCRIPTION);

  /** The prefix of a dimension column's header: "dimension-Category". */
  static final String DIMENSION = "dimension-";

  /** Separates the action titles of a control. */
  static final String LIST = ";;";

  /** The dimensions that also fill the action's own fields. */
  static final String CATEGORY = "Category";

  static final String SOLUTION = "Solution";
  static final String RESPONSIBILITY = "Responsibility";

  /** Lengths the template library holds. */
  static final int TITLE_MAX = 300;

  static final int CONTROL_ID_MAX = 80;
  static final int FAMILY_MAX = 200;
  static final int CATEGORY_MAX = 60;
  static final int SOLUTION_MAX = 120;

  private ComplianceWorkbook() {}
}
