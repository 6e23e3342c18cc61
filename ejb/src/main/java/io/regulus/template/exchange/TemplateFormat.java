package io.regulus.template.exchange;

import java.util.Locale;

/** The file formats a template comes in and goes out in. */
public enum TemplateFormat {
  /** Compliance Manager's template workbook. */
  EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx") {
    @Override
    public TemplateReader reader() {
      return new ComplianceWorkbookReader();
    }

    @Override
    public TemplateWriter writer() {
      return new ComplianceWorkbookWriter();
    }
  },
  /** A NIST OSCAL catalog (or resolved profile catalog) in JSON. */
  OSCAL("application/json", "json") {
    @Override
    public TemplateReader reader() {
      return new OscalCatalogReader();
    }

    @Override
    public TemplateWriter writer() {
      return new OscalCatalogWriter();
    }
  };

  private final String mediaType;
  private final String extension;

  TemplateFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public abstract TemplateReader reader();

  public abstract TemplateWriter writer();

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** "excel" or "oscal", in any case; null when it is neither. */
  public static TemplateFormat named(String name) {
    if (name == null) {
      return null;
    }
    for (TemplateFormat format : values()) {
      if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
        return format;
      }
    }
    return null;
  }
}
