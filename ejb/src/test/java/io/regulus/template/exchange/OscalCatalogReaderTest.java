package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** OSCAL catalogs read into controls and actions: NIST's own files, other shapes, bad files. */
class OscalCatalogReaderTest {

  private static final String MODERATE =
      "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json";
  private static final String PROFILE = "NIST_SP-800-53_rev5_MODERATE-baseline_profile.json";

  /** The figures of the issue, per file: controls and enhancements, families. */
  private static final Map<String, List<Integer>> FIGURES =
      Map.of(
          MODERATE,
          List.of(287, 18),
          "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json",
          List.of(149, 18),
          "NIST_SP-800-53_rev5_PRIVACY-baseline-resolved-profile_catalog-min.json",
          List.of(102, 16),
          "basic-catalog.json",
          List.of(4, 2));

  @Test
  void everyCatalogOfTheRepositoryGivesTheControlsOfItsOwnStructure() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(OscalRecording.DATA)) {
      files = listed.sorted().toList();
    }
    assertThat(files).hasSize(5);
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.equals(PROFILE)) {
        continue; // refused: its own test
      }
      OscalRecording read = OscalRecording.read(name, ImportOptions.DEFAULTS);
      Structure own = Structure.of(file);
      assertThat(read.problems).as(name).isEmpty();
      assertThat(read.controls).as(name).hasSize(own.controls);
      assertThat(read.controls.stream().map(ExchangeControl::family).distinct())
          .as(name)
          .containsExactlyElementsOf(own.families);
      assertThat(List.of(own.controls, own.families.size())).as(name).isEqualTo(FIGURES.get(name));
      // every control gets one action of its own, keyed by its id
      assertThat(read.actions).as(name).hasSize(own.controls);
      assertThat(read.controls)
          .allSatisfy(
              c -> assertThat(c.actionKeys()).containsExactly(ActionKeys.forControl("", c.id())));
      assertThat(read.headers).as(name).hasSize(1);
      assertThat(read.headers.get(0).attributes()).containsKeys("version", "oscal-version");
    }
  }

  @Test
  void nistControlsAreNamedByTheirHumanLabelsAndFamilies() {
    OscalRecording read = OscalRecording.read(MODERATE, ImportOptions.DEFAULTS);
    TemplateHeader header = read.headers.get(0);
    assertThat(header.title())
        .isEqualTo("NIST Special Publication 800-53 Revision 5.1.1 MODERATE IMPACT BASELINE");
    assertThat(header.regulation()).isEqualTo(header.title());
    assertThat(header.attributes())
        .containsExactly(Map.entry("version", "5.1.1+u4"), Map.entry("oscal-version", "1.1.2"));
    assertThat(read.controls.subList(0, 4))
        .extracting(ExchangeControl::id)
        .containsExactly("AC-1", "AC-2", "AC-2(1)", "AC-2(2)");
    ExchangeControl enhancement = read.control("AC-2(1)");
    assertThat(enhancement.family()).isEqualTo("Access Control");
    assertThat(enhancement.title()).isEqualTo("Automated System Account Management");
    assertThat(enhancement.mandatory()).isTrue();
    assertThat(enhancement.nature()).isEqualTo("PREVENTATIVE");
    ExchangeAction own = read.action("ac-2-1");
    assertThat(own.title()).isEqualTo("AC-2(1) Automated System Account Management");
    assertThat(own.type()).isEqualTo("OPERATIONAL");
    assertThat(own.points()).isNull();
    assertThat(own.category()).isEqualTo("Manage compliance");
    assertThat(own.managedBy()).isEqualTo("CUSTOMER");
  }

  @Test
  void proseRendersItemsWithTheirLabelsAndParametersAsText() {
    OscalRecording read = OscalRecording.read(MODERATE, ImportOptions.DEFAULTS);
    // the requirement alone describes the action; the control has the guidance too
    assertThat(read.action("ac-1").description())
        .isEqualTo(
            """
            a. Develop, document, and disseminate to [Assignment: organization-defined personnel\
             or roles]:
              1. [Selection (one or more): organization-level; mission/business process-level;\
             system-level] access control policy that:
                (a) Addresses purpose, scope, roles, responsibilities, management commitment,\
             coordination among organizational entities, and compliance; and
                (b) Is consistent with applicable laws, executive orders, directives, regulations,\
             policies, standards, and guidelines; and
              2. Procedures to facilitate the implementation of the access control policy and the\
             associated access controls;
            b. Designate an [Assignment: official] to manage the development, documentation, and\
             dissemination of the access control policy and procedures; and
            c. Review and update the current access control:
              1. Policy [Assignment: frequency] and following [Assignment: events] ; and
              2. Procedures [Assignment: frequency] and following [Assignment: events].""");
    assertThat(read.control("AC-1").description())
        .startsWith(read.action("ac-1").description() + "\n\nGuidance:\nAccess control policy")
        .endsWith("does not constitute an organizational policy or procedure.");
    assertThat(read.action("ac-2").description())
        .isEqualTo(
            """
            a. Define and document the types of accounts allowed and specifically prohibited for\
             use within the system;
            b. Assign account managers;
            c. Require [Assignment: prerequisites and criteria] for group and role membership;
            d. Specify:
              1. Authorized users of the system;
              2. Group and role membership; and
              3. Access authorizations (i.e., privileges) and [Assignment: attributes (as\
             required)] for each account;
            e. Require approvals by [Assignment: personnel or roles] for requests to create\
             accounts;
            f. Create, enable, modify, disable, and remove accounts in accordance with\
             [Assignment: policy, procedures, prerequisites, and criteria];
            g. Monitor the use of accounts;
            h. Notify account managers and [Assignment: personnel or roles] within:
              1. [Assignment: time period] when accounts are no longer required;
              2. [Assignment: time period] when users are terminated or transferred; and
              3. [Assignment: time period] when system usage or need-to-know changes for an\
             individual;
            i. Authorize access to the system based on:
              1. A valid access authorization;
              2. Intended system usage; and
              3. [Assignment: attributes (as required)];
            j. Review accounts for compliance with account management requirements [Assignment:\
             frequency];
            k. Establish and implement a process for changing shared or group account\
             authenticators (if deployed) when individuals are removed from the group; and
            l. Align account management processes with personnel termination and transfer\
             processes.""");
    assertThat(read.action("ac-2-1").description())
        .isEqualTo(
            "Support the management of system accounts using [Assignment: automated mechanisms].");
    assertThat(read.control("AC-2(3)").description())
        .isEqualTo(
            """
            Disable accounts within [Assignment: time period] when the accounts:
              (a) Have expired;
              (b) Are no longer associated with a user or individual;
              (c) Are in violation of organizational policy; or
              (d) Have been inactive for [Assignment: time period].

            Guidance:
            Disabling expired, inactive, or otherwise anomalous accounts supports the concepts of\
             least privilege and least functionality which reduce the attack surface of the\
             system.""");
    // a selection whose choice inserts another parameter
    assertThat(read.action("si-4").description())
        .endsWith(
            "g. Provide [Assignment: system monitoring information] to [Assignment: personnel or"
                + " roles] [Selection (one or more): as needed; [Assignment: frequency]].");
  }

  @Test
  void anImportMappingAndItsDefaultsOverrideTheOwnActions() {
    ImportOptions options =
        new ImportOptions(
            "nist-800-53",
            false,
            "DETECTIVE",
            "TECHNICAL",
            "Access control",
            "PROVIDER",
            Map.of("AC-2", List.of("account-management", "mfa-for-administrators")));
    OscalRecording read = OscalRecording.read(MODERATE, options);
    assertThat(read.problems).isEmpty();
    assertThat(read.control("AC-2").actionKeys())
        .containsExactly("account-management", "mfa-for-administrators");
    assertThat(read.actions).extracting(ExchangeAction::key).doesNotContain("nist-800-53-ac-2");
    assertThat(read.actions).hasSize(286);
    ExchangeControl control = read.control("AC-1");
    assertThat(control.actionKeys()).containsExactly("nist-800-53-ac-1");
    assertThat(control.mandatory()).isFalse();
    assertThat(control.nature()).isEqualTo("DETECTIVE");
    ExchangeAction action = read.action("nist-800-53-ac-1");
    assertThat(action.type()).isEqualTo("TECHNICAL");
    assertThat(action.category()).isEqualTo("Access control");
    assertThat(action.managedBy()).isEqualTo("PROVIDER");
  }

  @Test
  void theUnresolvedProfileIsRefusedSayingWhatToUploadInstead() {
    OscalRecording read = OscalRecording.read(PROFILE, ImportOptions.DEFAULTS);
    assertThat(read.controls).isEmpty();
    assertThat(read.headers).isEmpty();
    assertThat(read.problems).hasSize(1);
    assertThat(read.problems.get(0).where()).isEqualTo("/profile");
    assertThat(read.problems.get(0).reason())
        .contains("an OSCAL profile")
        .contains("upload the resolved profile catalog");
  }

  @Test
  void anSspIsRefusedSayingWhatToUploadInstead() {
    OscalRecording read =
        OscalRecording.readJson(
            """
            {"system-security-plan": {"uuid": "1f6c7a38-2a0b-4a55-8d6e-0e3c9f1d2b47",
              "metadata": {"title": "My system", "version": "1", "oscal-version": "1.1.2"}}}
            """);
    assertThat(read.controls).isEmpty();
    assertThat(read.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("/system-security-plan");
              assertThat(p.reason())
                  .contains("system security plan (SSP)")
                  .contains("upload the catalog or resolved profile catalog");
            });
  }

  @Test
  void aJsonFileOfNoOscalModelIsRefused() {
    OscalRecording read = OscalRecording.readJson("{\"name\": \"x\", \"items\": [1, 2]}");
    assertThat(read.problems)
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("not an OSCAL catalog", "name, items"));
  }

  @Test
  void invalidJsonIsReportedWithItsLine() {
    OscalRecording read =
        OscalRecording.readJson(
            "{\"catalog\": {\n  \"metadata\": {\"title\": \"T\"},\n  \"groups\": [{\"title\": ]\n}}");
    assertThat(read.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("/catalog/groups/0");
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.reason())
                  .startsWith("The file is not valid JSON at line 3, column 24 (unexpected ']')");
            });
    OscalRecording xml = OscalRecording.readJson("<?xml version=\"1.0\"?><catalog/>");
    assertThat(xml.problems)
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("(unexpected '<')", "JSON only"));
  }

  @Test
  void aTruncatedCatalogIsReportedAsCutShort() throws IOException {
    byte[] whole = Files.readAllBytes(OscalRecording.DATA.resolve(MODERATE));
    OscalRecording read =
        OscalRecording.read(Arrays.copyOf(whole, whole.length / 2), ImportOptions.DEFAULTS);
    assertThat(read.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).startsWith("/catalog/groups/");
              assertThat(p.reason())
                  .startsWith("The file ends before its JSON does")
                  .contains("cut short");
            });
    // what came before the cut was read; the import job publishes nothing when a problem exists
    assertThat(read.controls).isNotEmpty().hasSizeLessThan(287);
    assertThat(OscalRecording.read(new byte[0], ImportOptions.DEFAULTS).problems)
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("empty"));
  }

  @Test
  void aByteOrderMarkIsAllowed() throws IOException {
    byte[] file = Files.readAllBytes(OscalRecording.DATA.resolve("basic-catalog.json"));
    byte[] marked = new byte[file.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(file, 0, marked, 3, file.length);
    OscalRecording read = OscalRecording.read(marked, ImportOptions.DEFAULTS);
    assertThat(read.problems).isEmpty();
    assertThat(read.controls).hasSize(4);
  }

  @Test
  void aFailingStreamIsAnIoErrorNotAProblem() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };
    assertThatThrownBy(() -> OscalRecording.read(failing, ImportOptions.DEFAULTS))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }

  @Test
  void anotherPublishersCatalogIsReadByTheModel() {
    OscalRecording read = OscalRecording.readJson(DEEP);
    assertThat(read.problems).isEmpty();
    assertThat(read.headers)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.title()).isEqualTo("Deep Catalog");
              assertThat(h.description()).isEqualTo("A test.");
              assertThat(h.attributes())
                  .containsExactly(
                      Map.entry("version", "2.0"), Map.entry("oscal-version", "1.0.4"));
            });
    assertThat(read.controls)
        .extracting(ExchangeControl::id, ExchangeControl::family)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("X-01", "Domain One"),
            org.assertj.core.groups.Tuple.tuple("X-1(1)", "Domain One"),
            org.assertj.core.groups.Tuple.tuple("x-3", "Domain One"),
            org.assertj.core.groups.Tuple.tuple("y-1", "Domain Two"),
            org.assertj.core.groups.Tuple.tuple("z-1", "Deep Catalog"));
    // parameters from the control, its group and the catalog; overview and methods left out
    assertThat(read.control("X-01").description())
        .isEqualTo(
            """
            Review all systems, all sites [Selection: daily; [Assignment: organization-defined\
             frequency]].

            Keep a record.

            Guidance:
            Reviews find drift.""");
    // no statement: the items are the requirement; the enhancement inherits its parent's params
    assertThat(read.control("X-1(1)").description())
        .isEqualTo(
            """
            a. Automate the review [Assignment: organization-defined frequency]:
              1. Using [Selection: daily; [Assignment: organization-defined frequency]] scans.
            b. Titled part
            Kept with its title.""");
    assertThat(read.control("x-3").description()).isEqualTo("Determine that the plan is approved.");
    assertThat(read.control("y-1").description())
        .isEqualTo(
            "Keep [Assignment: [Assignment: [Assignment: p-a]]] and {{ insert: param, nowhere }}"
                + " with v0.");
    assertThat(read.notices)
        .extracting(ImportProblem::value, ImportProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "X-1(1)(a)", "Control X-1(1)(a) is withdrawn by its publisher: skipped."),
            org.assertj.core.groups.Tuple.tuple(
                "x-2",
                "Control x-2 is withdrawn by its publisher: skipped, with the 1 control nested"
                    + " in it."));
    assertThat(read.notices)
        .extracting(ImportProblem::column)
        .containsExactly("props/status", "class");
    assertThat(read.notices.get(1).where())
        .isEqualTo("/catalog/groups/0/groups/0/groups/0/controls/1");
    // back-matter is never read: its "controls" are no controls
    assertThat(read.controls).extracting(ExchangeControl::id).doesNotContain("trap");
  }

  @Test
  void controlsWithoutIdOrTitleAndDuplicateIdsAreAllReported() {
    OscalRecording read =
        OscalRecording.readJson(
            """
            {"catalog": {"uuid": "5b8d1c3e-7e41-4b4f-9a76-3c1f0b8d2e65",
              "metadata": {"title": "Broken", "version": "1", "oscal-version": "1.1.2"},
              "groups": [{"title": "G", "controls": [
                {"id": "a-1", "title": "Fine"},
                {"title": "No id"},
                {"id": "a-3"},
                {"id": "a-4", "title": "Labelled", "props": [{"name": "label", "value": "a-1"}]}
              ]}]}}
            """);
    assertThat(read.problems)
        .extracting(ImportProblem::where, ImportProblem::column, ImportProblem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/catalog/groups/0/controls/1", "id", null),
            org.assertj.core.groups.Tuple.tuple("/catalog/groups/0/controls/2", "title", "a-3"),
            org.assertj.core.groups.Tuple.tuple(
                "/catalog/groups/0/controls/3", "props/label", "a-1"));
    assertThat(read.problems.get(2).reason()).contains("first at /catalog/groups/0/controls/0");
    assertThat(read.controls).extracting(ExchangeControl::id).containsExactly("a-1");
  }

  @Test
  void aMappingMayNameOnlyTheCatalogsControls() {
    ImportOptions options =
        new ImportOptions(
            "",
            true,
            "PREVENTATIVE",
            "OPERATIONAL",
            "Manage compliance",
            "CUSTOMER",
            Map.of("y-1", List.of("shared"), "x-2", List.of("shared"), "Q-9", List.of("shared")));
    OscalRecording read = OscalRecording.read(DEEP.getBytes(StandardCharsets.UTF_8), options);
    assertThat(read.control("y-1").actionKeys()).containsExactly("shared");
    assertThat(read.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("mapping");
              assertThat(p.value()).isEqualTo("Q-9");
              assertThat(p.reason()).contains("which this catalog does not have");
            });
    assertThat(read.notices)
        .extracting(ImportProblem::value)
        .containsExactly("X-1(1)(a)", "x-2", "x-2");
  }

  @Test
  void aCatalogWhoseMetadataComesLastIsRefusedWithWhereToMoveIt() {
    OscalRecording read =
        OscalRecording.readJson(
            """
            {"catalog": {"uuid": "5b8d1c3e-7e41-4b4f-9a76-3c1f0b8d2e65",
              "groups": [{"title": "G", "controls": [{"id": "a-1", "title": "A"}]}],
              "metadata": {"title": "Late", "version": "1", "oscal-version": "1.1.2"}}}
            """);
    assertThat(read.controls).isEmpty();
    assertThat(read.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("/catalog/groups");
              assertThat(p.reason()).contains("move \"metadata\" to the top");
            });
  }

  /** Another publisher's shape: deep groups, other part names, withdrawn controls, params. */
  private static final String DEEP =
      """
      {"$schema": "oscal_catalog_schema.json",
       "catalog": {
        "uuid": "8b1f4f6e-0b7a-4c59-9a3c-2a1b0f0e9c11",
        "back-matter": {"resources": [{"uuid": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
           "rlinks": [{"href": "http://127.0.0.1:9/never-fetched"}],
           "base64": {"filename": "x.bin", "value": "AAAA"},
           "controls": [{"id": "trap", "title": "Not a control"}]}]},
        "metadata": {"title": "Deep Catalog", "version": "2.0", "oscal-version": "1.0.4",
                     "remarks": "A test."},
        "params": [{"id": "org-freq", "label": "organization-defined frequency"}],
        "groups": [
         {"id": "d", "title": "Domain One",
          "params": [{"id": "d-scope", "values": ["all systems", "all sites"]}],
          "groups": [{"id": "d.1", "title": "Area", "groups": [{"id": "d.1.a", "title": "Topic",
           "controls": [
            {"id": "x-1", "title": "Deep control",
             "params": [{"id": "x-1_prm", "select": {"choice":
                 ["daily", "{{ insert: param, org-freq }}"]}}],
             "props": [{"name": "label", "value": "X-01", "class": "zero-padded"},
                       {"name": "label", "ns": "https://example.org/ns", "value": "not this"}],
             "parts": [
              {"name": "overview", "prose": "An overview, not the requirement."},
              {"name": "statement", "parts": [
                {"name": "item", "prose": "Review {{ insert: param, d-scope }} {{insert:param,x-1_prm}}."},
                {"name": "item", "prose": "Keep a record."}]},
              {"name": "guidance", "prose": "Reviews find drift."},
              {"name": "assessment-method", "prose": "Examine: records."}],
             "controls": [
              {"id": "x-1.1", "title": "Automated review",
               "props": [{"name": "label", "value": "X-01(01)", "class": "zero-padded"},
                         {"name": "label", "value": "X-1(1)"}],
               "parts": [
                {"name": "item", "props": [{"name": "label", "value": "a."}],
                 "prose": "Automate the review {{ insert: param, org-freq }}:",
                 "parts": [{"name": "item", "props": [{"name": "label", "value": "1."}],
                            "prose": "Using {{ insert: param, x-1_prm }} scans."}]},
                {"name": "item", "props": [{"name": "label", "value": "b."}],
                 "title": "Titled part", "prose": "Kept with its title."},
                {"name": "assessment-objective", "prose": "Not this."}],
               "controls": [{"id": "x-1.1.a", "title": "Old",
                 "props": [{"name": "label", "value": "X-1(1)(a)"},
                           {"name": "status", "value": "Withdrawn"}]}]}]},
            {"id": "x-2", "class": "SP800-53 withdrawn", "title": "Gone",
             "controls": [{"id": "x-2.1", "title": "Gone too"}]},
            {"id": "x-3", "title": "Objective only",
             "parts": [{"name": "objective", "prose": "Determine that the plan is approved."},
                       {"name": "assessment", "prose": "Interview: staff."}]}]}]}]},
         {"id": "e", "title": "Domain Two",
          "params": [{"id": "p-a", "label": "{{ insert: param, p-b }}"},
                     {"id": "p-b", "label": "{{ insert: param, p-a }}"},
                     {"id": "p-old", "value": "v0"}],
          "controls": [{"id": "y-1", "title": "Loops",
            "parts": [{"name": "statement",
              "prose": "Keep {{ insert: param, p-a }} and {{ insert: param, nowhere }} with {{ insert: param, p-old }}."}]}]}],
        "controls": [{"id": "z-1", "title": "Loose control",
          "parts": [{"name": "statement", "prose": "A control in no group."}]}]
       }}
      """;

  /**
   * A catalog's own structure, walked independently of the reader: its non-withdrawn controls at
   * any depth and the titles of its top-level groups that hold some.
   */
  record Structure(int controls, Set<String> families) {

    static Structure of(Path file) throws IOException {
      try (JsonReader reader =
          Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
        JsonObject catalog = reader.readObject().getJsonObject("catalog");
        Set<String> families = new LinkedHashSet<>();
        int controls = 0;
        for (JsonObject group : array(catalog, "groups")) {
          int inGroup = count(group);
          if (inGroup > 0) {
            families.add(group.getString("title"));
          }
          controls += inGroup;
        }
        return new Structure(controls, families);
      }
    }

    private static List<JsonObject> array(JsonObject node, String name) {
      return node.containsKey(name)
          ? node.getJsonArray(name).getValuesAs(JsonObject.class)
          : List.of();
    }

    private static int count(JsonObject node) {
      int count = 0;
      for (JsonObject group : array(node, "groups")) {
        count += count(group);
      }
      for (JsonObject control : array(node, "controls")) {
        boolean withdrawn =
            array(control, "props").stream()
                    .anyMatch(
                        p ->
                            p.getString("name").equals("status")
                                && p.getString("value").equalsIgnoreCase("withdrawn"))
                || control.getString("class", "").contains("withdrawn");
        if (!withdrawn) {
          count += 1 + count(control);
        }
      }
      return count;
    }
  }
}
