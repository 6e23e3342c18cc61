package io.regulus.evidence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a file is, as its bytes say ({@link EvidenceTypeDetector}). The accepted types carry the
 * file name extensions that may go with them and the media type each is served with; the others are
 * named so a refusal can say what was found. The media type comes from this list, never from the
 * client.
 */
public enum EvidenceFileType {
  PDF("a PDF document", "pdf", "application/pdf"),
  WORD(
      "a Word document (OOXML)",
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  EXCEL(
      "an Excel workbook (OOXML)",
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  POWERPOINT(
      "a PowerPoint presentation (OOXML)",
      "pptx",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
  LEGACY_OFFICE(
      "a legacy Office document (OLE2)",
      "doc",
      "application/msword",
      "xls",
      "application/vnd.ms-excel",
      "ppt",
      "application/vnd.ms-powerpoint"),
  PNG("a PNG image", "png", "image/png"),
  JPEG("a JPEG image", "jpg", "image/jpeg", "jpeg", "image/jpeg"),
  GIF("a GIF image", "gif", "image/gif"),
  WEBP("a WebP image", "webp", "image/webp"),
  TEXT("UTF-8 text", "txt", "text/plain; charset=UTF-8", "csv", "text/csv; charset=UTF-8"),
  ZIP("a ZIP archive", "zip", "application/zip"),

  OFFICE_WITH_MACROS("an Office document with macros (vbaProject.bin)"),
  DAMAGED_ZIP("a damaged or incomplete ZIP archive"),
  DAMAGED_OLE2(
      "a damaged OLE2 container (the format of Office 97-2003 files and Windows installers)"),
  WINDOWS_INSTALLER("a Windows Installer package (MSI, in an OLE2 container)"),
  WINDOWS_EXECUTABLE("a Windows or DOS executable (MZ header)"),
  LINUX_EXECUTABLE("a Linux or Unix executable (ELF header)"),
  MAC_EXECUTABLE("a macOS executable (Mach-O header)"),
  UNIVERSAL_BINARY_OR_JAVA_CLASS("a macOS universal binary or a Java class file (CAFEBABE header)"),
  EMPTY("an empty file"),
  UNKNOWN("binary data of no accepted type");

  private final String description;
  private final Map<String, String> mediaTypes = new LinkedHashMap<>();

  EvidenceFileType(String description, String... extensionsAndMediaTypes) {
    this.description = description;
    for (int i = 0; i < extensionsAndMediaTypes.length; i += 2) {
      mediaTypes.put(extensionsAndMediaTypes[i], extensionsAndMediaTypes[i + 1]);
    }
  }

  /** What it is, in words: "a PDF document". */
  public String description() {
    return description;
  }

  public boolean accepted() {
    return !mediaTypes.isEmpty();
  }

  /**
   * The media type a file of this type is stored and served with, when its name's extension fits
   * this type.
   */
  public Optional<String> mediaTypeFor(String fileName) {
    return Optional.ofNullable(mediaTypes.get(extension(fileName)));
  }

  /** The extensions that go with this type, e.g. ".doc, .xls or .ppt". */
  public String extensions() {
    return join(mediaTypes.keySet().stream().map(extension -> "." + extension), ", ", " or ");
  }

  /** Every accepted type with its extensions, for a refusal that says what would do. */
  public static String acceptedList() {
    return join(
        Stream.of(values())
            .filter(EvidenceFileType::accepted)
            .map(type -> type.description + " (" + type.extensions() + ")"),
        "; ",
        "; ");
  }

  /** The lower-case extension of a file name, or "" when it has none. */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String join(Stream<String> items, String separator, String last) {
    var list = items.toList();
    if (list.size() < 2) {
      return String.join("", list);
    }
    return list.subList(0, list.size() - 1).stream().collect(Collectors.joining(separator))
        + last
        + list.get(list.size() - 1);
  }
}
