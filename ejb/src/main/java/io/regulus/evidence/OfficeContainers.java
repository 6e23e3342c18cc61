package io.regulus.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.mime.MediaType;

/**
 * What is inside the two containers Tika's core detector cannot see into, read with Apache POI from
 * the file on disk (never whole in memory):
 *
 * <ul>
 *   <li>a ZIP is an Office Open XML document when POI's package API opens it: the content type of
 *       its main part names Word, Excel or PowerPoint, as Tika's own OPC detector reads it; a
 *       package with a VBA project part, or a macro-enabled main part, is refused as such. The ZIP
 *       is opened as POI's ZipSecureFile, whose zip-bomb guards stay in force (and are left at
 *       POI's defaults, which other code relies on) while the package's few small XML parts are
 *       read: a package of more than 1,000 entries, or one whose parts inflate suspiciously, is not
 *       read as Office. A ZIP whose central directory cannot be read is damaged; one that is no
 *       Office package is a plain ZIP.
 *   <li>an OLE2 container is a Windows Installer package when POI's POIFS gives its root storage
 *       the class id {000C10xx-0000-0000-C000-000000000046} (MSI, MSP, MST), else a legacy Office
 *       document; one POIFS cannot read is damaged.
 * </ul>
 */
final class OfficeContainers {

  private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";
  private static final Pattern VBA_PART = Pattern.compile("(?i).*/vbaProject\\.bin");
  private static final Pattern INSTALLER =
      Pattern.compile("(?i)\\{000C10[0-9A-F]{2}-0000-0000-C000-000000000046}");

  private OfficeContainers() {}

  static EvidenceFileType zip(Path file) {
    ZipSecureFile zip;
    try {
      zip = new ZipSecureFile(file.toFile());
    } catch (IOException e) {
      return EvidenceFileType.DAMAGED_ZIP;
    }
    try (ZipFileZipEntrySource entries = new ZipFileZipEntrySource(zip)) {
      OPCPackage office = OPCPackage.open(entries);
      try {
        return officeType(office);
      } finally {
        office.revert();
      }
    } catch (InvalidFormatException | IOException | RuntimeException e) {
      // POI tells a ZIP that is no Office package, or a broken package part, with runtime
      // exceptions too
      return EvidenceFileType.ZIP;
    }
  }

  static EvidenceFileType ole2(Path file) {
    try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
      ClassID root = container.getRoot().getStorageClsid();
      return root != null && INSTALLER.matcher(root.toString()).matches()
          ? EvidenceFileType.WINDOWS_INSTALLER
          : EvidenceFileType.LEGACY_OFFICE;
    } catch (IOException | RuntimeException e) {
      // POIFS tells a broken sector chain with runtime exceptions too
      return EvidenceFileType.DAMAGED_OLE2;
    }
  }

  /**
   * Word, Excel or PowerPoint by the main part's content type, macros first; any other package is a
   * plain ZIP.
   */
  private static EvidenceFileType officeType(OPCPackage office) throws InvalidFormatException {
    PackageRelationshipCollection main =
        office.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
    if (main.isEmpty()) {
      main = office.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
    }
    PackagePart part = main.size() == 1 ? office.getPart(main.getRelationship(0)) : null;
    if (part == null) {
      return EvidenceFileType.ZIP;
    }
    // e.g. application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml: the
    // document's type
    // is the part's without its last dot-separated word
    String contentType = part.getContentType();
    int lastDot = contentType.lastIndexOf('.');
    if (lastDot < 0) {
      return EvidenceFileType.ZIP;
    }
    String documentType = contentType.substring(0, lastDot);
    if (documentType.toLowerCase(Locale.ROOT).contains("macroenabled")
        || !office.getPartsByContentType(VBA_PROJECT).isEmpty()
        || !office.getPartsByName(VBA_PART).isEmpty()) {
      return EvidenceFileType.OFFICE_WITH_MACROS;
    }
    MediaType type = MediaType.parse(documentType);
    return type == null
        ? EvidenceFileType.ZIP
        : TikaTypes.evidenceType(type)
            .filter(OfficeContainers::isOfficeDocument)
            .orElse(EvidenceFileType.ZIP);
  }

  private static boolean isOfficeDocument(EvidenceFileType type) {
    return type == EvidenceFileType.WORD
        || type == EvidenceFileType.EXCEL
        || type == EvidenceFileType.POWERPOINT;
  }
}
