package io.regulus.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Apache Tika's names for what a file is, and which {@link EvidenceFileType} each stands for.
 * Tika's core detector knows the magic bytes of far more formats than evidence accepts; its type
 * registry knows which type is a kind of which (a PE32 executable is a kind of {@code
 * application/x-msdownload}, an OOXML document a kind of ZIP), so a type maps to the evidence type
 * of the first named type it is an instance of. What no name here covers is judged as text or
 * nothing by {@link EvidenceTypeDetector}.
 */
final class TikaTypes {

  /** The ZIP family (OOXML, ODF, JAR, EPUB, ...): what is inside decides. */
  static final MediaType ZIP = MediaType.APPLICATION_ZIP;

  /** The OLE2 container of Office 97-2003 files and of Windows Installer packages. */
  static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

  /** DOS and Windows executables: Tika's magic is the two letters "MZ". */
  static final MediaType MZ = MediaType.application("x-msdownload");

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
  private static final Map<MediaType, EvidenceFileType> NAMED = named();

  private TikaTypes() {}

  /** Tika's type from the first bytes of a file (its magic bytes reach no further than 64 KiB). */
  static MediaType detect(byte[] head) throws IOException {
    return TYPES.detect(new ByteArrayInputStream(head), new Metadata());
  }

  /** Whether {@code type} is {@code family} or, by the registry's supertypes, a kind of it. */
  static boolean isA(MediaType type, MediaType family) {
    return REGISTRY.isInstanceOf(type, family);
  }

  /** The evidence type {@code type} stands for, if one does. */
  static Optional<EvidenceFileType> evidenceType(MediaType type) {
    return NAMED.entrySet().stream()
        .filter(named -> isA(type, named.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static Map<MediaType, EvidenceFileType> named() {
    Map<MediaType, EvidenceFileType> named = new LinkedHashMap<>();
    named.put(MediaType.application("pdf"), EvidenceFileType.PDF);
    named.put(MediaType.image("png"), EvidenceFileType.PNG);
    named.put(MediaType.image("jpeg"), EvidenceFileType.JPEG);
    named.put(MediaType.image("gif"), EvidenceFileType.GIF);
    named.put(MediaType.image("webp"), EvidenceFileType.WEBP);
    // the document types POI's package reading yields (OfficeContainers), templates and slide shows
    // with them
    String ooxml = "vnd.openxmlformats-officedocument.";
    named.put(MediaType.application(ooxml + "wordprocessingml.document"), EvidenceFileType.WORD);
    named.put(MediaType.application(ooxml + "wordprocessingml.template"), EvidenceFileType.WORD);
    named.put(MediaType.application(ooxml + "spreadsheetml.sheet"), EvidenceFileType.EXCEL);
    named.put(MediaType.application(ooxml + "spreadsheetml.template"), EvidenceFileType.EXCEL);
    named.put(
        MediaType.application(ooxml + "presentationml.presentation"), EvidenceFileType.POWERPOINT);
    named.put(
        MediaType.application(ooxml + "presentationml.slideshow"), EvidenceFileType.POWERPOINT);
    named.put(
        MediaType.application(ooxml + "presentationml.template"), EvidenceFileType.POWERPOINT);
    named.put(MZ, EvidenceFileType.WINDOWS_EXECUTABLE);
    named.put(MediaType.application("x-elf"), EvidenceFileType.LINUX_EXECUTABLE);
    named.put(MediaType.application("java-vm"), EvidenceFileType.UNIVERSAL_BINARY_OR_JAVA_CLASS);
    named.put(
        MediaType.application("x-mach-o-universal"),
        EvidenceFileType.UNIVERSAL_BINARY_OR_JAVA_CLASS);
    // Tika registers each kind of Mach-O file (executable, dylib, bundle, ...) beside x-mach-o, not
    // under it
    REGISTRY.getTypes().stream()
        .filter(type -> type.getSubtype().startsWith("x-mach-o"))
        .forEach(type -> named.putIfAbsent(type, EvidenceFileType.MAC_EXECUTABLE));
    return Collections.unmodifiableMap(named);
  }
}
