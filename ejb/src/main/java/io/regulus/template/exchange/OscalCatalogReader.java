package io.regulus.template.exchange;

import io.regulus.template.exchange.OscalProse.Params;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OSCAL catalog in JSON (OSCAL 1.0 to 1.1), or a resolved profile catalog, which is a
 * catalog too. Streams: the metadata, then one top-level group (or loose control) at a time is held
 * in memory, never the whole document; {@code back-matter} is skipped unread (its links and
 * resources are never followed). Controls and actions are made by {@link OscalControlReader}, their
 * text by {@link OscalProse}.
 *
 * <p>Header: the metadata title, also the regulation; the description is the metadata remarks;
 * attributes {@code version} and {@code oscal-version}. Withdrawn controls are skipped and reported
 * as notices ({@link TemplateSink#notice}). Refused with a problem: invalid or truncated JSON (with
 * line and column), an OSCAL document of another model (an unresolved profile, an SSP, ...), a
 * catalog without metadata or title, controls without id or title, duplicate control ids.
 */
public final class OscalCatalogReader implements TemplateReader {

  private static final String CATALOG = "/catalog";

  /** The other OSCAL models, each with what it is and what to upload instead. */
  private static final Map<String, String> OTHER_MODELS =
      Map.of(
          "profile",
          "an OSCAL profile, which only selects and tailors controls of other catalogs: resolve it"
              + " into a catalog and upload the resolved profile catalog (NIST publishes one"
              + " beside each baseline, e.g. ..._resolved-profile_catalog.json)",
          "system-security-plan",
          "an OSCAL system security plan (SSP), which describes how one system implements its"
              + " controls: upload the catalog or resolved profile catalog it is based on",
          "component-definition",
          "an OSCAL component definition, which describes how a product implements controls:"
              + " upload the catalog or resolved profile catalog it refers to",
          "assessment-plan",
          "an OSCAL assessment plan: upload the catalog or resolved profile catalog it assesses",
          "assessment-results",
          "OSCAL assessment results: upload the catalog or resolved profile catalog they assess",
          "plan-of-action-and-milestones",
          "an OSCAL plan of action and milestones (POA&M): upload the catalog or resolved profile"
              + " catalog it is based on",
          "mapping-collection",
          "an OSCAL mapping collection: upload the catalog or resolved profile catalog itself");

  private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected char (-?\\d+)");
  private static final Pattern INVALID_TOKEN = Pattern.compile("Invalid token=(\\w+)");

  /** The parser's names of JSON tokens, in words. */
  private static final Map<String, String> TOKENS =
      Map.ofEntries(
          Map.entry("CURLYOPEN", "'{'"),
          Map.entry("CURLYCLOSE", "'}'"),
          Map.entry("SQUAREOPEN", "'['"),
          Map.entry("SQUARECLOSE", "']'"),
          Map.entry("COLON", "':'"),
          Map.entry("COMMA", "','"),
          Map.entry("STRING", "a string"),
          Map.entry("NUMBER", "a number"),
          Map.entry("TRUE", "true"),
          Map.entry("FALSE", "false"),
          Map.entry("NULL", "null"),
          Map.entry("EOF", "end"));

  @Override
  public void read(InputStream in, ImportOptions options, TemplateSink sink) throws IOException {
    Input input = new Input(in);
    Walk walk = new Walk(options, sink);
    try (JsonParser parser = Json.createParser(input)) {
      walk.document(parser);
    } catch (JsonParsingException e) {
      input.rethrowFailure();
      sink.problem(walk.syntax(e, input));
    } catch (JsonException | NoSuchElementException | IllegalStateException e) {
      // JSON-P wraps the stream's failures and reports a file it cannot decode this way
      input.rethrowFailure();
      String reason =
          "The file cannot be read as JSON (%s): upload an OSCAL catalog as UTF-8 JSON.";
      sink.problem(new ImportProblem(walk.at, null, null, null, reason.formatted(e.getMessage())));
    }
  }

  /** One reading: where the parser is, for the problems it may meet. */
  private static final class Walk {

    private final TemplateSink sink;
    private final OscalControlReader controls;
    private Params params = Params.NONE;
    private String catalogTitle;
    private String at = "file";

    Walk(ImportOptions options, TemplateSink sink) {
      this.sink = sink;
      this.controls = new OscalControlReader(options, sink);
    }

    void document(JsonParser parser) {
      if (!parser.hasNext()) {
        sink.problem(ImportProblem.ofFile("The file is empty: upload an OSCAL catalog in JSON."));
        return;
      }
      if (parser.next() != Event.START_OBJECT) {
        sink.problem(notACatalog("its top level is not a JSON object"));
        return;
      }
      List<String> members = new ArrayList<>();
      boolean catalog = false;
      while (parser.next() == Event.KEY_NAME) {
        String name = parser.getString();
        members.add(name);
        Event value = parser.next();
        if (name.equals("catalog") && value == Event.START_OBJECT) {
          catalog = true;
          catalog(parser);
        } else if (OTHER_MODELS.containsKey(name)) {
          String reason = "Nothing was imported: this file is %s.";
          sink.problem(
              new ImportProblem(
                  "/" + name, null, null, null, reason.formatted(OTHER_MODELS.get(name))));
          return;
        } else {
          skip(parser, value);
        }
      }
      if (parser.hasNext()) {
        parser.next(); // what follows the document: the parser reports it as invalid JSON
      }
      if (!catalog) {
        String found = members.isEmpty() ? "nothing" : String.join(", ", members);
        sink.problem(
            notACatalog("its top level has no \"catalog\" object (it has %s)".formatted(found)));
      }
    }

    private ImportProblem notACatalog(String why) {
      String reason =
          "This file is not an OSCAL catalog: %s. Upload an OSCAL catalog or resolved profile"
              + " catalog in JSON, whose top level is {\"catalog\": {...}}.";
      return ImportProblem.ofFile(reason.formatted(why));
    }

    private void catalog(JsonParser parser) {
      boolean metadata = false;
      while (parser.next() == Event.KEY_NAME) {
        String name = parser.getString();
        at = CATALOG + "/" + name;
        Event value = parser.next();
        if (name.equals("metadata") && value == Event.START_OBJECT) {
          metadata = true;
          header(parser.getObject());
        } else if (name.equals("params") && value == Event.START_ARRAY) {
          params = params.with(parser.getArray());
        } else if (!metadata && (name.equals("groups") || name.equals("controls"))) {
          String reason =
              "The catalog's %s come before its metadata: Regulus reads a catalog in one pass and"
                  + " needs its metadata (title, version) first, where OSCAL tools write it; move"
                  + " \"metadata\" to the top of the catalog.";
          sink.problem(new ImportProblem(at, null, null, null, reason.formatted(name)));
          skip(parser, value);
        } else if (name.equals("groups") && value == Event.START_ARRAY) {
          each(parser, at, (group, where) -> controls.group(group, where, params, null));
        } else if (name.equals("controls") && value == Event.START_ARRAY) {
          String family = catalogTitle == null ? "Controls" : catalogTitle;
          each(parser, at, (control, where) -> controls.control(control, where, params, family));
        } else {
          skip(parser, value); // back-matter above all: never built, never followed
        }
      }
      at = CATALOG;
      controls.finish();
      if (!metadata) {
        sink.problem(
            new ImportProblem(
                CATALOG,
                null,
                "metadata",
                null,
                "The catalog has no"
                    + " metadata: an OSCAL catalog starts with its metadata (title, version,"
                    + " oscal-version)."));
      }
    }

    /** Each object of an array, one at a time, with its JSON pointer. */
    private void each(JsonParser parser, String array, BiConsumer<JsonObject, String> visit) {
      int index = 0;
      for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
        at = array + "/" + index;
        if (event == Event.START_OBJECT) {
          visit.accept(parser.getObject(), at);
        } else {
          skip(parser, event);
        }
        index++;
      }
      at = array;
    }

    private void header(JsonObject metadata) {
      String title = Oscal.text(metadata, "title");
      if (title == null) {
        String reason = "The catalog's metadata has no title: add one (the template's title).";
        sink.problem(new ImportProblem(CATALOG + "/metadata", null, "title", null, reason));
      }
      catalogTitle = title;
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String name : List.of("version", "oscal-version")) {
        if (Oscal.text(metadata, name) != null) {
          attributes.put(name, Oscal.text(metadata, name));
        }
      }
      for (JsonObject prop : Oscal.objects(metadata, "props")) {
        if (Oscal.NS.equals(Oscal.text(prop, "ns"))
            && "attribute".equals(Oscal.text(prop, "class"))
            && Oscal.text(prop, "name") != null
            && Oscal.text(prop, "value") != null) {
          attributes.putIfAbsent(Oscal.text(prop, "name"), Oscal.text(prop, "value"));
        }
      }
      String regulation = Oscal.ownOne(metadata, "regulation");
      sink.header(
          new TemplateHeader(
              title,
              regulation == null ? title : regulation,
              Oscal.text(metadata, "remarks"),
              attributes,
              List.of()));
    }

    ImportProblem syntax(JsonParsingException e, Input input) {
      if (input.ended && input.blank) {
        return ImportProblem.ofFile("The file is empty: upload an OSCAL catalog in JSON.");
      }
      JsonLocation location = e.getLocation();
      Integer line = location == null ? null : (int) location.getLineNumber();
      String place =
          location == null
              ? ""
              : " at line %d, column %d".formatted(line, location.getColumnNumber());
      if (input.ended && (location == null || location.getStreamOffset() >= input.count - 1)) {
        String reason =
            "The file ends before its JSON does%s: it was cut short, perhaps by an interrupted"
                + " download or upload; upload the whole file again.";
        return new ImportProblem(at, line, null, null, reason.formatted(place));
      }
      String message = said(String.valueOf(e.getMessage()));
      String reason =
          "The file is not valid JSON%s (%s): OSCAL catalogs are accepted in JSON only (not XML or"
              + " YAML); fix the file or export it again.";
      return new ImportProblem(at, line, null, null, reason.formatted(place, message));
    }

    /** The parser's message in words: "Unexpected char 60" says "unexpected '<'". */
    private static String said(String message) {
      String plain = message.replaceAll("(?s)\\s*at \\(line no=.*$", "");
      Matcher character = UNEXPECTED_CHAR.matcher(plain);
      if (character.matches()) {
        int code = Integer.parseInt(character.group(1));
        return code < 0 ? "unexpected end" : "unexpected '" + Character.toString(code) + "'";
      }
      Matcher token = INVALID_TOKEN.matcher(plain);
      if (token.matches()) {
        return "unexpected " + TOKENS.getOrDefault(token.group(1), token.group(1));
      }
      return plain;
    }

    private static void skip(JsonParser parser, Event event) {
      if (event != Event.START_OBJECT && event != Event.START_ARRAY) {
        return;
      }
      int depth = 1;
      while (depth > 0) {
        Event next = parser.next();
        if (next == Event.START_OBJECT || next == Event.START_ARRAY) {
          depth++;
        } else if (next == Event.END_OBJECT || next == Event.END_ARRAY) {
          depth--;
        }
      }
    }
  }

  /**
   * The caller's stream decoded as UTF-8 (JSON's encoding; a byte order mark is dropped), its chars
   * counted: whether it ended, and where (a parse error at its end is a truncated file), and
   * whether it failed (an I/O failure is thrown, not reported). Closing leaves the stream open.
   */
  private static final class Input extends FilterReader {

    private long count;
    private boolean ended;
    private boolean blank = true;
    private IOException failure;

    Input(InputStream in) {
      super(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      try {
        int read = super.read(buffer, offset, length);
        if (read > 0 && count == 0 && buffer[offset] == '\uFEFF') {
          System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
          read = read == 1 ? super.read(buffer, offset, length) : read - 1;
        }
        if (read < 0) {
          ended = true;
        } else {
          count += read;
        }
        for (int i = offset; blank && i < offset + Math.max(read, 0); i++) {
          blank = Character.isWhitespace(buffer[i]);
        }
        return read;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      return read(new char[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    @Override
    public void close() {}

    void rethrowFailure() throws IOException {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
