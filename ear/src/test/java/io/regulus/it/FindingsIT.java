package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scanner findings against the real stack: the committed Prowler sample (data/ocsf) imports as
 * signals with their check, status and compliance mappings, checked in the tenant's table;
 * malformed copies (truncated, wrong types, unknown status) and a document over the limit are
 * refused whole with each bad entry named and nothing stored; readers and other tenants' admins are
 * refused, and another tenant's table stays empty.
 */
class FindingsIT {

  static final Path SAMPLE =
      Path.of(
          System.getProperty("regulus.data-dir", "../data"), "ocsf", "prowler-sample.ocsf.json");
  private static final long MAX_BYTES = Long.getLong("regulus.findings-max-bytes", 1_048_576);

  private static String tenant;
  private static String admin;
  private static String reader;
  private static String other;
  private static String otherAdmin;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("ocsf", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    reader = KeycloakClient.token(KeycloakClient.createMember(tenant, "reader"));
    other = Platform.tenant("ocsf-other", null);
    otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
  }

  static byte[] sample() {
    try {
      return Files.readAllBytes(SAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Response post(String token, String slug, byte[] document) {
    return Api.as(token).body(document).post("/tenants/" + slug + "/findings");
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }

  private static long signals(String slug) {
    return TestDatabase.count("SELECT count(*) FROM " + schema(slug) + ".signal");
  }

  @Test
  void theSampleImportsAsSignalsWithTheirChecksAndComplianceMappings() {
    String fresh = Platform.tenant("ocsf-import", null);
    String token = KeycloakClient.token(KeycloakClient.createMember(fresh, "admin"));

    JsonPath done = post(token, fresh, sample()).then().statusCode(200).extract().jsonPath();

    assertThat(done.getInt("findings")).isEqualTo(54);
    assertThat(done.getInt("signals")).isEqualTo(50);
    assertThat(done.getInt("skipped")).isEqualTo(2);
    assertThat(done.getMap("skippedChecks"))
        .isEqualTo(
            Map.of("account_maintain_current_contact_details", 1, "accessanalyzer_enabled", 1));
    String table = schema(fresh) + ".signal";
    assertThat(signals(fresh)).isEqualTo(50);
    assertThat(
            TestDatabase.count(
                "SELECT count(DISTINCT batch_id) FROM " + table + " WHERE batch_id = ?::uuid",
                done.getString("batch")))
        .isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(DISTINCT key) FROM " + table))
        .isGreaterThanOrEqualTo(10);
    assertThat(
            TestDatabase.rows(
                "SELECT value::text || ' ' || source || ' ' || (observed_at AT TIME ZONE 'UTC') || ' '"
                    + " || (detail->'findings'->0->>'check') || ' '"
                    + " || (detail->'findings'->0->>'status') || ' '"
                    + " || (detail->'findings'->0->'compliance'->'CIS-3.0'->>0) FROM "
                    + table
                    + " WHERE key = 'mfa.users.enforced' AND resource ="
                    + " 'arn:aws:iam::123456789012:user/dmitri'"))
        .containsExactly(
            "false Prowler 5.14.0 2026-11-30 09:15:42 iam_user_mfa_enabled_console_access FAIL 1.10");
    assertThat(
            TestDatabase.rows(
                "SELECT value::text || ' ' || count(*) FROM "
                    + table
                    + " GROUP BY value::text ORDER BY value::text"))
        .containsExactly("false 16", "null 4", "true 30");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + table
                    + " WHERE key = 'patching.current' AND value = 'null'::jsonb"
                    + " AND detail->'findings'->0->>'status' = 'MANUAL'"))
        .isEqualTo(3);
    assertThat(signals(other)).isZero();
  }

  @Test
  void aTruncatedCopyIsRefusedWholeNamingWhereItBreaksOff() {
    byte[] whole = sample();
    long before = signals(tenant);

    Response refused = post(admin, tenant, Arrays.copyOf(whole, whole.length / 2));

    refused.then().statusCode(400).contentType(Api.PROBLEM);
    List<String> fields = refused.jsonPath().getList("errors.field", String.class);
    assertThat(fields).hasSize(1);
    assertThat(fields.get(0)).matches("\\[\\d+\\]");
    assertThat(refused.jsonPath().getString("errors[0].message")).contains("breaks off");
    assertThat(refused.jsonPath().getString("detail")).contains("refused whole");
    assertThat(signals(tenant)).isEqualTo(before);
  }

  @Test
  void aCopyWithWrongTypesAndAnUnknownStatusIsRefusedWholeNamingEachBadEntry() {
    String text = new String(sample(), StandardCharsets.UTF_8);
    // the first finding's status becomes unknown, the second's a number, the third's time a word
    text = text.replaceFirst("\"status_code\": \"PASS\"", "\"status_code\": \"PASSED\"");
    text = text.replaceFirst("\"status_code\": \"PASS\"", "\"status_code\": 1");
    text = nth(text, "\"time\": 1796030142", "\"time\": \"yesterday\"", 2);
    long before = signals(tenant);

    Response refused = post(admin, tenant, text.getBytes(StandardCharsets.UTF_8));

    refused.then().statusCode(400).contentType(Api.PROBLEM);
    assertThat(refused.jsonPath().getList("errors.field", String.class))
        .containsExactly("[0].status_code", "[1].status_code", "[2].time");
    assertThat(refused.jsonPath().getList("errors.message", String.class))
        .satisfiesExactly(
            m -> assertThat(m).contains("\"PASSED\"", "PASS, FAIL or MANUAL"),
            m -> assertThat(m).contains("a number, not a string"),
            m -> assertThat(m).contains("whole number of seconds"));
    assertThat(signals(tenant)).isEqualTo(before);
  }

  @Test
  void aDocumentOverTheLimitIsRefusedAndNothingStored() {
    byte[] padded = new byte[(int) MAX_BYTES + 1];
    Arrays.fill(padded, (byte) ' ');
    padded[0] = '[';
    padded[padded.length - 1] = ']';
    long before = signals(tenant);

    Response refused = post(admin, tenant, padded);

    refused.then().statusCode(413).contentType(Api.PROBLEM);
    assertThat(refused.jsonPath().getString("detail")).contains("REGULUS_FINDINGS_MAX_BYTES");
    assertThat(signals(tenant)).isEqualTo(before);
  }

  @Test
  void readersAndOtherTenantsCannotImportAndTheOtherTenantStaysEmpty() {
    long before = signals(tenant);

    post(reader, tenant, sample()).then().statusCode(403).contentType(Api.PROBLEM);
    post(otherAdmin, tenant, sample()).then().statusCode(403).contentType(Api.PROBLEM);
    post(admin, other, sample()).then().statusCode(403).contentType(Api.PROBLEM);

    assertThat(signals(tenant)).isEqualTo(before);
    assertThat(signals(other)).isZero();
  }

  /** {@code text} with the {@code n}th (0-based) occurrence of {@code what} replaced. */
  private static String nth(String text, String what, String by, int n) {
    int at = -1;
    for (int i = 0; i <= n; i++) {
      at = text.indexOf(what, at + 1);
    }
    return text.substring(0, at) + by + text.substring(at + what.length());
  }
}
