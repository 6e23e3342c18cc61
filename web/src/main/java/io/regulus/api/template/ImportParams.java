package io.regulus.api.template;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.template.exchange.ImportOptions;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.imports.TemplateImportRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What an import request says besides its file (the request body): the template, the format and the
 * defaults where the file says nothing (docs/templates.md lists them).
 */
public class ImportParams {

  @QueryParam("key")
  @Parameter(description = "The template's key: a new template, or a new version of yours")
  String key;

  @QueryParam("format")
  @Parameter(description = "excel (Compliance Manager's workbook) or oscal (an OSCAL catalog)")
  String format;

  @QueryParam("version")
  @Parameter(description = "The version's label (global templates); the next number when absent")
  String version;

  @QueryParam("fileName")
  @Parameter(description = "The file's name, shown with the import")
  String fileName;

  @HeaderParam("Content-Disposition")
  String disposition;

  @QueryParam("keyPrefix")
  @Parameter(description = "Prefix of the action keys made from control ids (OSCAL)")
  String keyPrefix;

  @QueryParam("mandatory")
  @Parameter(description = "Controls are mandatory (true, the default) or discretionary")
  Boolean mandatory;

  @QueryParam("nature")
  @Parameter(description = "PREVENTATIVE (default), DETECTIVE or CORRECTIVE")
  String nature;

  @QueryParam("actionType")
  @Parameter(description = "TECHNICAL, OPERATIONAL (default) or DOCUMENTATION, for actions made")
  String actionType;

  @QueryParam("category")
  @Parameter(description = "The category of actions whose file gives none")
  String category;

  @QueryParam("managedBy")
  @Parameter(description = "CUSTOMER (default) or PROVIDER, for actions whose file gives none")
  String managedBy;

  TemplateImportRequest request() {
    TemplateFormat chosen = TemplateFormat.named(format);
    if (format != null && chosen == null) {
      throw new InvalidInputException(
          new Violation("format", "is excel or oscal, not '" + format + "'"));
    }
    ImportOptions defaults = ImportOptions.DEFAULTS;
    ImportOptions options =
        new ImportOptions(
            keyPrefix == null ? (key == null ? "" : key) : keyPrefix,
            mandatory == null ? defaults.mandatory() : mandatory,
            upper(nature, defaults.nature()),
            upper(actionType, defaults.actionType()),
            category == null || category.isBlank() ? defaults.category() : category.strip(),
            upper(managedBy, defaults.managedBy()),
            null);
    return new TemplateImportRequest(
        key == null ? null : key.strip(), blankToNull(version), chosen, fileName(), options);
  }

  private String fileName() {
    if (fileName != null && !fileName.isBlank()) {
      return shorten(fileName.strip());
    }
    if (disposition != null) {
      java.util.regex.Matcher name =
          java.util.regex.Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
      if (name.find()) {
        return shorten(name.group(1));
      }
    }
    return "upload";
  }

  private static String shorten(String name) {
    String plain = name.replaceAll("[\\p{Cntrl}\\p{Cf}/\\\\]", "_");
    return plain.length() > 255 ? plain.substring(0, 255) : plain;
  }

  private static String upper(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.strip().toUpperCase(Locale.ROOT);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
