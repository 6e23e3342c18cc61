package io.regulus.template.exchange;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a template version as an OSCAL 1.1 catalog in JSON, streaming. Its uuid is derived from
 * the template key and version (a name-based UUID, version 5), so the same version always exports
 * under the same uuid.
 *
 * <p>Each run of controls of one family is a group titled by the family; each control has an OSCAL
 * id derived from its id ("AC-2(1)" gives "ac-2.1"), a {@code label} prop with the id itself, its
 * title, and a {@code statement} part whose prose is its description. What OSCAL has no place for
 * is kept in Regulus' namespace ({@link Oscal#NS}), which {@link OscalCatalogReader} reads back: a
 * control's {@code mandatory}, {@code nature} and one {@code action} prop per action key; the
 * actions themselves as {@code action} parts (props key, type, points, category, solution,
 * managed-by, description-title; prose = description; {@code dimension} parts) of a first group
 * titled "Improvement actions", which holds no controls.
 */
public final class OscalCatalogWriter implements TemplateWriter {

  /** The namespace of the catalogs' name-based uuids. */
  private static final UUID NAMESPACE = UUID.fromString("6f1c2a52-4b0e-4d55-9d1e-2b7f3c8a9e10");

  private final Clock clock;

  /** A writer stamping {@code last-modified} with the current time. */
  public OscalCatalogWriter() {
    this(Clock.systemUTC());
  }

  /** A writer stamping {@code last-modified} with this clock's time. */
  public OscalCatalogWriter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void write(TemplateContent content, OutputStream out) throws IOException {
    try (JsonGenerator json =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(new Unclosed(out), StandardCharsets.UTF_8)) {
      json.writeStartObject().writeStartObject("catalog");
      json.write("uuid", uuid(content.key() + "@" + content.version()).toString());
      metadata(json, content);
      Set<String> ids = new HashSet<>();
      boolean groups = false;
      Iterator<ExchangeAction> actions = content.actions().iterator();
      if (actions.hasNext()) {
        groups = true;
        json.writeStartArray("groups").writeStartObject();
        json.write("id", "regulus-actions").write("class", "regulus-actions");
        json.write("title", "Improvement actions").writeStartArray("parts");
        while (actions.hasNext()) {
          action(json, actions.next());
        }
        json.writeEnd().writeEnd();
      }
      String family = null;
      for (ExchangeControl control : content.controls()) {
        if (family == null || !family.equals(control.family())) {
          if (family != null) {
            json.writeEnd().writeEnd(); // the family's controls, its group
          } else if (!groups) {
            groups = true;
            json.writeStartArray("groups");
          }
          family = Objects.requireNonNullElse(control.family(), "");
          json.writeStartObject().write("id", token(family, "g", ids)).write("class", "family");
          json.write("title", family).writeStartArray("controls");
        }
        control(json, control, ids);
      }
      if (family != null) {
        json.writeEnd().writeEnd();
      }
      if (groups) {
        json.writeEnd();
      }
      json.writeEnd().writeEnd();
    } catch (JsonException e) {
      if (e.getCause() instanceof IOException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private void metadata(JsonGenerator json, TemplateContent content) {
    TemplateHeader header = content.header();
    String title = header.title() == null ? content.key() : header.title();
    json.writeStartObject("metadata").write("title", title);
    json.write(
        "last-modified",
        OffsetDateTime.now(clock)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    String version = header.attributes().get("version");
    json.write("version", version == null ? content.version() : version);
    json.write("oscal-version", Oscal.VERSION).writeStartArray("props");
    own(json, "template-key", content.key());
    own(json, "template-version", content.version());
    if (header.regulation() != null && !header.regulation().equals(title)) {
      own(json, "regulation", header.regulation());
    }
    for (Map.Entry<String, String> attribute : header.attributes().entrySet()) {
      String name = attribute.getKey();
      String value = line(attribute.getValue());
      if (!name.equals("version") && !name.equals("oscal-version") && value != null) {
        // a prop's name is a token: names that are not keep their letters and digits
        String token =
            name.matches("[A-Za-z_][A-Za-z0-9._-]*") ? name : token(name, "a", new HashSet<>());
        json.writeStartObject().write("name", token);
        json.write("ns", Oscal.NS).write("class", "attribute").write("value", value).writeEnd();
      }
    }
    json.writeEnd();
    if (header.description() != null && !header.description().isBlank()) {
      json.write("remarks", header.description());
    }
    json.writeEnd();
  }

  private static void action(JsonGenerator json, ExchangeAction action) {
    json.writeStartObject().write("name", "action").write("ns", Oscal.NS);
    json.write("title", Objects.requireNonNullElse(action.title(), action.key()));
    json.writeStartArray("props");
    own(json, "key", action.key());
    own(json, "type", action.type());
    own(json, "points", action.points() == null ? null : action.points().toString());
    own(json, "category", action.category());
    own(json, "solution", action.solution());
    own(json, "managed-by", action.managedBy());
    own(json, "description-title", action.descriptionTitle());
    json.writeEnd();
    if (action.description() != null && !action.description().isBlank()) {
      json.write("prose", action.description());
    }
    if (!action.dimensions().isEmpty()) {
      json.writeStartArray("parts");
      for (Map.Entry<String, String> dimension : action.dimensions().entrySet()) {
        json.writeStartObject().write("name", "dimension").write("ns", Oscal.NS);
        json.write("title", dimension.getKey());
        if (dimension.getValue() != null && !dimension.getValue().isBlank()) {
          json.write("prose", dimension.getValue());
        }
        json.writeEnd();
      }
      json.writeEnd();
    }
    json.writeEnd();
  }

  private static void control(JsonGenerator json, ExchangeControl control, Set<String> ids) {
    String id = token(control.id(), "c", ids);
    json.writeStartObject().write("id", id);
    json.write("title", Objects.requireNonNullElse(control.title(), control.id()));
    json.writeStartArray("props");
    json.writeStartObject().write("name", "label").write("value", line(control.id())).writeEnd();
    own(json, "mandatory", Boolean.toString(control.mandatory()));
    own(json, "nature", control.nature());
    for (String key : control.actionKeys()) {
      own(json, "action", key);
    }
    json.writeEnd();
    if (control.description() != null && !control.description().isBlank()) {
      json.writeStartArray("parts").writeStartObject();
      json.write("id", id + "_smt").write("name", "statement");
      json.write("prose", control.description()).writeEnd().writeEnd();
    }
    json.writeEnd();
  }

  /** A prop in Regulus' namespace; none when the value is empty. */
  private static void own(JsonGenerator json, String name, String value) {
    String line = line(value);
    if (line != null) {
      json.writeStartObject().write("name", name).write("ns", Oscal.NS);
      json.write("value", line).writeEnd();
    }
  }

  /** A prop value is one line without surrounding spaces. */
  private static String line(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip().replaceAll("\\s+", " ");
  }

  /**
   * An OSCAL token (a letter or '_' first, then letters, digits, '.', '-', '_'), unique among
   * {@code used}: "AC-2(1)" gives "ac-2.1", "1.1.1" gives "c1.1.1".
   */
  static String token(String text, String prefix, Set<String> used) {
    String token =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("(", ".")
            .replace(")", "")
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
    if (token.isEmpty() || !Character.isLetter(token.charAt(0))) {
      token = prefix + token;
    }
    String unique = token;
    for (int n = 2; !used.add(unique); n++) {
      unique = token + "_" + n;
    }
    return unique;
  }

  /** A name-based uuid (RFC 4122 version 5, SHA-1) in Regulus' namespace. */
  static UUID uuid(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(
          ByteBuffer.allocate(16)
              .putLong(NAMESPACE.getMostSignificantBits())
              .putLong(NAMESPACE.getLeastSignificantBits())
              .array());
      ByteBuffer hash = ByteBuffer.wrap(sha1.digest(name.getBytes(StandardCharsets.UTF_8)));
      long high = (hash.getLong() & ~0xF000L) | 0x5000L;
      long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The caller's stream, flushed but left open when the generator closes. */
  private static final class Unclosed extends FilterOutputStream {

    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
