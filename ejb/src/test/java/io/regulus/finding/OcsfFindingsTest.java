package io.regulus.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.signal.Signal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed Prowler sample (data/ocsf) read into signals through the Prowler check table, and
 * malformed copies of it refused whole with each bad entry named.
 */
class OcsfFindingsTest {

  static final Path SAMPLE = Path.of("..", "data", "ocsf", "prowler-sample.ocsf.json");
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Instant SCANNED = Instant.parse("2026-11-30T09:15:42Z");

  private static byte[] sample() throws IOException {
    return Files.readAllBytes(SAMPLE);
  }

  private static JsonArray sampleArray() throws IOException {
    try (var reader = Json.createReader(new ByteArrayInputStream(sample()))) {
      return reader.readArray();
    }
  }

  private static FindingBatch read(byte[] document) {
    return OcsfFindings.read(new ByteArrayInputStream(document), CheckMapping.prowler(), NOW);
  }

  private static FindingBatch read(JsonArray document) {
    return read(document.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The sample with finding {@code index} changed. */
  private static JsonArray with(JsonArray findings, int index, UnaryOperator<JsonObject> change) {
    JsonArrayBuilder copy = Json.createArrayBuilder();
    for (int i = 0; i < findings.size(); i++) {
      JsonObject finding = findings.getJsonObject(i);
      copy.add(i == index ? change.apply(finding) : finding);
    }
    return copy.build();
  }

  private static UnaryOperator<JsonObject> set(String field, JsonValue value) {
    return f -> Json.createObjectBuilder(f).add(field, value).build();
  }

  private static UnaryOperator<JsonObject> remove(String field) {
    return f -> Json.createObjectBuilder(f).remove(field).build();
  }

  private static Signal signal(FindingBatch batch, String key, String resource) {
    return batch.signals().stream()
        .filter(s -> s.key().equals(key) && s.resource().equals(resource))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no signal " + key + " on " + resource));
  }

  private static List<Violation> refusal(JsonArray document) {
    return refusal(document.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<Violation> refusal(byte[] document) {
    try {
      read(document);
    } catch (InvalidInputException refused) {
      return refused.violations();
    }
    throw new AssertionError("the document was not refused");
  }

  @Test
  void theSampleGivesOneSignalPerMappedCheckKeyAndResource() throws IOException {
    FindingBatch batch = read(sample());

    assertThat(batch.findings()).isEqualTo(54);
    assertThat(batch.skipped())
        .isEqualTo(
            Map.of("account_maintain_current_contact_details", 1, "accessanalyzer_enabled", 1));
    Set<String> keys = batch.signals().stream().map(Signal::key).collect(Collectors.toSet());
    assertThat(keys).hasSizeGreaterThanOrEqualTo(10);
    assertThat(batch.signals()).hasSize(50);
    assertThat(batch.signals().stream().map(Signal::value).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL);
    assertThat(batch.signals())
        .allSatisfy(
            s -> {
              assertThat(s.source()).isEqualTo("Prowler 5.14.0");
              assertThat(s.observedAt()).isEqualTo(SCANNED);
              assertThat(io.regulus.signal.SignalCatalog.wellFormed(s.key())).isTrue();
            });
  }

  @Test
  void passFailAndManualGiveTrueFalseAndUndetermined() throws IOException {
    FindingBatch batch = read(sample());
    String user = "arn:aws:iam::123456789012:user/";

    assertThat(signal(batch, "mfa.users.enforced", user + "ana").value()).isEqualTo(JsonValue.TRUE);
    assertThat(signal(batch, "mfa.users.enforced", user + "dmitri").value())
        .isEqualTo(JsonValue.FALSE);
    assertThat(
            signal(
                    batch,
                    "patching.current",
                    "arn:aws:ec2:eu-west-1:123456789012:instance/i-0f1e2d3c4b5a60001")
                .value())
        .isEqualTo(JsonValue.NULL);
  }

  @Test
  void aSignalKeepsTheCheckStatusSeverityFindingAndComplianceMappings() throws IOException {
    Signal dmitri =
        signal(read(sample()), "mfa.users.enforced", "arn:aws:iam::123456789012:user/dmitri");
    JsonObject finding = dmitri.detail().getJsonArray("findings").getJsonObject(0);

    assertThat(finding.getString("check")).isEqualTo("iam_user_mfa_enabled_console_access");
    assertThat(finding.getString("status")).isEqualTo("FAIL");
    assertThat(finding.getString("severity")).isEqualTo("High");
    assertThat(finding.getString("finding"))
        .isEqualTo("prowler-aws-iam_user_mfa_enabled_console_access-123456789012-us-east-1-dmitri");
    assertThat(finding.getJsonObject("compliance").getJsonArray("CIS-3.0").getString(0))
        .isEqualTo("1.10");
    assertThat(finding.getJsonObject("compliance").getJsonArray("HIPAA").getString(0))
        .isEqualTo("164_312_d");
  }

  @Test
  void twoChecksOnOneResourceMakeOneSignalThatFailsWhenEitherFails() throws IOException {
    FindingBatch batch = read(sample());
    Signal policy =
        signal(
            batch, "password.policy.strong", "arn:aws:iam:us-east-1:123456789012:password-policy");
    Signal root = signal(batch, "mfa.admins.enforced", "arn:aws:iam::123456789012:root");

    assertThat(policy.value()).isEqualTo(JsonValue.FALSE);
    assertThat(policy.detail().getJsonArray("findings")).hasSize(2);
    assertThat(root.value()).isEqualTo(JsonValue.TRUE);
    assertThat(root.detail().getJsonArray("findings")).hasSize(2);
    assertThat(FindingStatus.PASS.and(FindingStatus.MANUAL)).isEqualTo(FindingStatus.MANUAL);
    assertThat(FindingStatus.MANUAL.and(FindingStatus.FAIL)).isEqualTo(FindingStatus.FAIL);
    assertThat(FindingStatus.PASS.and(FindingStatus.PASS)).isEqualTo(FindingStatus.PASS);
  }

  @Test
  void aTruncatedCopyIsRefusedNamingWhereItBreaksOff() throws IOException {
    byte[] whole = sample();
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    List<Violation> problems = refusal(truncated);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).field()).matches("\\[(2[0-9]|1[0-9])\\]");
    assertThat(problems.get(0).rule()).contains("breaks off", "line ", "send the file whole");
  }

  @Test
  void aCopyWithWrongTypesIsRefusedNamingEachBadEntry() throws IOException {
    JsonArray findings = sampleArray();
    findings = with(findings, 2, set("status_code", Json.createValue(5)));
    findings = with(findings, 4, set("resources", Json.createValue("arn:aws:s3:::acme-logs")));
    findings = with(findings, 7, set("time", Json.createValue("yesterday")));
    findings =
        with(
            findings,
            9,
            f ->
                Json.createObjectBuilder(f)
                    .add(
                        "metadata",
                        Json.createObjectBuilder(f.getJsonObject("metadata")).add("event_code", 12))
                    .build());

    List<Violation> problems = refusal(findings);

    assertThat(problems)
        .extracting(Violation::field)
        .containsExactly("[2].status_code", "[4].resources", "[7].time", "[9].metadata.event_code");
    assertThat(problems.get(0).rule()).contains("a number, not a string");
    assertThat(problems.get(1).rule()).contains("non-empty array of resources");
    assertThat(problems.get(2).rule()).contains("whole number of seconds");
  }

  @Test
  void anUnknownStatusIsRefusedSayingWhichAreKnown() throws IOException {
    List<Violation> problems =
        refusal(with(sampleArray(), 1, set("status_code", Json.createValue("PASSED"))));

    assertThat(problems)
        .containsExactly(
            new Violation(
                "[1].status_code",
                "is \"PASSED\", not PASS, FAIL or MANUAL: send status_code as Prowler writes it"));
  }

  @Test
  void missingRequiredFieldsAreEachNamed() throws IOException {
    JsonArray findings = sampleArray();
    findings = with(findings, 0, remove("finding_info"));
    findings = with(findings, 3, remove("class_uid"));
    findings = with(findings, 5, set("resources", JsonValue.EMPTY_JSON_ARRAY));
    findings =
        with(
            findings, 6, f -> Json.createObjectBuilder(f).remove("time").remove("time_dt").build());

    assertThat(refusal(findings))
        .extracting(Violation::field)
        .containsExactly("[0].finding_info", "[3].class_uid", "[5].resources", "[6].time");
  }

  @Test
  void otherFindingClassesAndFutureTimesAreRefused() throws IOException {
    JsonArray findings = sampleArray();
    findings = with(findings, 0, set("class_uid", Json.createValue(2001)));
    findings =
        with(findings, 1, set("time", Json.createValue(NOW.plusSeconds(3600).getEpochSecond())));

    List<Violation> problems = refusal(findings);

    assertThat(problems).extracting(Violation::field).containsExactly("[0].class_uid", "[1].time");
    assertThat(problems.get(0).rule()).contains("only Detection Findings (class_uid 2004)");
    assertThat(problems.get(1).rule()).contains("in the future");
  }

  @Test
  void timeInMillisecondsAsOcsfDefinesItReadsAsTheSameInstant() throws IOException {
    JsonArray findings =
        with(sampleArray(), 0, set("time", Json.createValue(SCANNED.toEpochMilli())));

    assertThat(read(findings).signals())
        .allSatisfy(s -> assertThat(s.observedAt()).isEqualTo(SCANNED));
  }

  @Test
  void aDocumentThatIsNotAnArrayIsRefused() {
    assertThat(refusal("{\"findings\": []}".getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::field)
        .containsExactly("document");
    assertThat(refusal("[1, {\"class_uid\": 2004}".getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::field)
        .contains("[0]", "[1].status_code", "[2]");
  }

  @Test
  void atMostAHundredProblemsAreListedAndTheRestCounted() throws IOException {
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i < 150; i++) {
      many.add("not a finding");
    }

    List<Violation> problems = refusal(many.build());

    assertThat(problems).hasSize(101);
    assertThat(problems.get(100).field()).isEqualTo("document");
    assertThat(problems.get(100).rule()).startsWith("50 more problems are not listed");
  }

  @Test
  void anEmptyArrayGivesNothing() {
    FindingBatch batch = read("[]".getBytes(StandardCharsets.UTF_8));

    assertThat(batch.findings()).isZero();
    assertThat(batch.signals()).isEmpty();
  }

  @Test
  void aFailingStreamFailsTheRead() {
    InputStream failing =
        new io.regulus.spreadsheet.LimitedInput(
            new ByteArrayInputStream("[{\"class_uid\": 2004}]".getBytes(StandardCharsets.UTF_8)),
            "the findings document",
            5);

    assertThatThrownBy(() -> OcsfFindings.read(failing, CheckMapping.prowler(), NOW))
        .isInstanceOf(jakarta.json.JsonException.class)
        .hasRootCauseInstanceOf(io.regulus.spreadsheet.LimitedInput.Exceeded.class);
  }
}
