package io.regulus.template.exchange;

import java.util.List;
import java.util.Map;

/**
 * What a file says about the template as a whole.
 *
 * @param title the template's title (Excel: Template/title; OSCAL: metadata title)
 * @param regulation the regulation it covers (Excel: Template/certification, else the title)
 * @param description free text, or null
 * @param attributes what the format carries beyond Regulus' own fields, kept for a lossless export
 *     (Excel: product, certification, inScopeServices; OSCAL: version, oscal-version), in file
 *     order
 * @param dimensions the rows of Excel's optional Dimensions tab, each column name to value in sheet
 *     order; empty when the file has none
 */
public record TemplateHeader(
    String title,
    String regulation,
    String description,
    Map<String, String> attributes,
    List<Map<String, String>> dimensions) {

  public TemplateHeader {
    attributes =
        attributes == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
  }
}
