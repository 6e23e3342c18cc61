package io.regulus.template.exchange;

import java.util.Map;

/**
 * One improvement action as a file carries it.
 *
 * @param key the stable key ({@link ActionKeys}): derived from the title in Excel, from the control
 *     id (or a mapping file) in OSCAL
 * @param title the action's title (Excel: actionTitle)
 * @param type TECHNICAL, OPERATIONAL or DOCUMENTATION (Excel: implementationType)
 * @param points 1..99, or null to derive them from the strongest control's classification
 * @param descriptionTitle Excel's actionDescriptionTitle, or null
 * @param description the how-to text (Excel: actionDescription; OSCAL: rendered prose)
 * @param category the action's category (Excel: a "Category" dimension when present, else the
 *     import's default)
 * @param solution the product or setting used, or null
 * @param managedBy CUSTOMER or PROVIDER
 * @param dimensions Excel's dimension-* columns (name without the prefix to value), in sheet order
 */
public record ExchangeAction(
    String key,
    String title,
    String type,
    Integer points,
    String descriptionTitle,
    String description,
    String category,
    String solution,
    String managedBy,
    Map<String, String> dimensions) {

  public ExchangeAction {
    dimensions =
        dimensions == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
  }
}
