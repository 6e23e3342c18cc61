package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template version written as an OSCAL catalog, and read back the same. */
class OscalCatalogWriterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T03:00:00.123Z"), ZoneOffset.UTC);

  private static final String TOKEN = "[A-Za-z_][A-Za-z0-9._-]*";

  @Test
  void exportThenImportGivesTheSameControlsProseAndMappingsOfNist() throws IOException {
    ImportOptions options =
        new ImportOptions(
            "nist-800-53",
            true,
            "PREVENTATIVE",
            "OPERATIONAL",
            "Manage compliance",
            "CUSTOMER",
            Map.of("AC-2(1)", List.of("nist-800-53-ac-2")));
    OscalRecording first =
        OscalRecording.read(
            "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json", options);
    TemplateContent content =
        new TemplateContent(
            "nist-800-53-moderate", "3", first.headers.get(0), first.actions, first.controls);

    // read back with the defaults: what the export says wins over them
    OscalRecording again = OscalRecording.read(write(content), ImportOptions.DEFAULTS);

    assertThat(again.problems).isEmpty();
    assertThat(again.actions).isEqualTo(first.actions);
    assertThat(again.controls).isEqualTo(first.controls);
    assertThat(again.control("AC-2(1)").actionKeys()).containsExactly("nist-800-53-ac-2");
    assertThat(again.headers).containsExactly(first.headers.get(0));
  }

  @Test
  void everyFieldOfActionsAndControlsSurvivesTheRoundTrip() throws IOException {
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("Category", "Protect data");
    dimensions.put("Service", "");
    List<ExchangeAction> actions =
        List.of(
            new ExchangeAction(
                "enable-mfa",
                "Enable MFA for admins",
                "TECHNICAL",
                27,
                "How",
                "Turn it on.\n\nThen:\n  1. check",
                "Protect data",
                "Entra ID",
                "PROVIDER",
                dimensions),
            new ExchangeAction(
                "write-policy",
                "Write the policy",
                "DOCUMENTATION",
                null,
                null,
                "",
                "Manage compliance",
                null,
                "CUSTOMER",
                Map.of()),
            new ExchangeAction(
                "unused",
                "Mapped to nothing",
                "OPERATIONAL",
                1,
                null,
                "x",
                "Manage compliance",
                null,
                "CUSTOMER",
                Map.of()));
    List<ExchangeControl> controls =
        List.of(
            new ExchangeControl(
                "1.1",
                "Access",
                "First",
                "Line one.\nLine two.",
                true,
                "PREVENTATIVE",
                List.of("enable-mfa", "write-policy")),
            new ExchangeControl(
                "a b", "Audit", "Second", "", false, "DETECTIVE", List.of("write-policy")),
            new ExchangeControl(
                "a-b",
                "Access",
                "Third, back in the first family",
                "Third.",
                false,
                "CORRECTIVE",
                List.of("enable-mfa")));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("product", "Microsoft 365");
    attributes.put("inScopeServices", "Exchange; SharePoint");
    TemplateHeader header =
        new TemplateHeader(
            "Baseline", "ISO/IEC 27001:2022", "Our baseline.", attributes, List.of());

    OscalRecording read =
        OscalRecording.read(
            write(new TemplateContent("baseline", "2", header, actions, controls)),
            ImportOptions.DEFAULTS);

    assertThat(read.problems).isEmpty();
    assertThat(read.actions).isEqualTo(actions);
    assertThat(read.controls).isEqualTo(controls);
    assertThat(read.headers)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.title()).isEqualTo("Baseline");
              assertThat(h.regulation()).isEqualTo("ISO/IEC 27001:2022");
              assertThat(h.description()).isEqualTo("Our baseline.");
              assertThat(h.attributes())
                  .containsExactly(
                      Map.entry("version", "2"),
                      Map.entry("oscal-version", "1.1.2"),
                      Map.entry("product", "Microsoft 365"),
                      Map.entry("inScopeServices", "Exchange; SharePoint"));
            });
  }

  @Test
  void theCatalogIsOscalShapedWithAStableUuid() throws IOException {
    ExchangeControl control =
        new ExchangeControl(
            "AC-2(1)",
            "Access Control",
            "Automated",
            "Do it.",
            true,
            "PREVENTATIVE",
            List.of("ac-2-1"));
    ExchangeAction action =
        new ExchangeAction(
            "ac-2-1",
            "AC-2(1) Automated",
            "OPERATIONAL",
            null,
            null,
            "Do it.",
            "Manage compliance",
            null,
            "CUSTOMER",
            Map.of());
    TemplateHeader header = new TemplateHeader("T", "T", null, Map.of(), List.of());
    JsonObject catalog =
        catalog(new TemplateContent("t", "1", header, List.of(action), List.of(control)));
    JsonObject again =
        catalog(new TemplateContent("t", "1", header, List.of(action), List.of(control)));
    JsonObject next =
        catalog(new TemplateContent("t", "2", header, List.of(action), List.of(control)));

    assertThat(catalog.getString("uuid"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
        .isEqualTo(again.getString("uuid"))
        .isNotEqualTo(next.getString("uuid"));
    JsonObject metadata = catalog.getJsonObject("metadata");
    assertThat(metadata.getString("last-modified")).isEqualTo("2026-12-06T03:00:00Z");
    assertThat(metadata.getString("oscal-version")).isEqualTo("1.1.2");
    assertThat(metadata.getString("version")).isEqualTo("1");
    JsonObject family = catalog.getJsonArray("groups").getJsonObject(1);
    assertThat(family.getString("title")).isEqualTo("Access Control");
    JsonObject written = family.getJsonArray("controls").getJsonObject(0);
    assertThat(written.getString("id")).isEqualTo("ac-2.1");
    assertThat(written.getJsonArray("parts").getJsonObject(0).getString("name"))
        .isEqualTo("statement");

    List<String> ids = new ArrayList<>();
    List<String> props = new ArrayList<>();
    collect(catalog, ids, props);
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches(TOKEN));
    assertThat(props).isNotEmpty().allMatch(value -> value.matches("\\S(.*\\S)?"));
  }

  @Test
  void theCallersStreamIsLeftOpen() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    new OscalCatalogWriter(CLOCK)
        .write(
            new TemplateContent(
                "t", "1", new TemplateHeader("T", "T", null, null, null), List.of(), List.of()),
            out);
    assertThat(closed[0]).isFalse();
    assertThat(out.toString()).contains("\"catalog\"").doesNotContain("\"groups\"");
  }

  private static byte[] write(TemplateContent content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new OscalCatalogWriter(CLOCK).write(content, out);
    return out.toByteArray();
  }

  private static JsonObject catalog(TemplateContent content) throws IOException {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(write(content)))) {
      return reader.readObject().getJsonObject("catalog");
    }
  }

  /** Every id, and every prop's value, anywhere in the document. */
  private static void collect(JsonValue value, List<String> ids, List<String> props) {
    if (value instanceof JsonObject object) {
      if (object.get("id") instanceof JsonString id) {
        ids.add(id.getString());
      }
      if (object.containsKey("name") && object.get("value") instanceof JsonString prop) {
        props.add(prop.getString());
      }
      object.values().forEach(inner -> collect(inner, ids, props));
    } else if (value instanceof jakarta.json.JsonArray array) {
      array.forEach(inner -> collect(inner, ids, props));
    }
  }
}
