package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.BadRequests.Caller;
import io.regulus.it.BadRequests.Row;
import io.restassured.path.json.JsonPath;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad request of {@link BadRequests} gets its status and problem type, as
 * application/problem+json that names the field at fault and no Java class, and writes nothing: the
 * row counts of every table of the platform schema and of the tenant's schema, and the number of
 * schemas, are the same after as before.
 */
class BadInputCatalogueIT {

  private static final Map<Caller, String> AUTHORIZATION = new EnumMap<>(Caller.class);
  private static final Map<String, String> WORLD = new LinkedHashMap<>();
  private static String schema;

  @BeforeAll
  static void buildTheWorld() {
    String tenant = Platform.tenant("catalogue", null);
    schema = "tenant_" + tenant.replace('-', '_');
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    AUTHORIZATION.put(Caller.ADMIN, "Bearer " + admin);
    AUTHORIZATION.put(Caller.OPERATOR, "Bearer " + Platform.operator());
    AUTHORIZATION.put(Caller.GARBAGE_TOKEN, "Bearer not-a-token");
    AUTHORIZATION.put(Caller.BASIC, "Basic YWxpY2U6cmVndWx1cy1kZW1v");
    long group = Platform.createGroup(admin, tenant, "catalogue");
    long assessment = Platform.createAssessment(admin, tenant, group, "catalogue", "gdpr");
    WORLD.put("{tenant}", tenant);
    WORLD.put("{group}", Long.toString(group));
    WORLD.put("{assessment}", Long.toString(assessment));
    WORLD.put("{action}", String.valueOf(Platform.actions(admin, tenant).get(0).get("id")));
  }

  @TestFactory
  Stream<DynamicTest> everyBadRequestIsRefusedAndWritesNothing() {
    List<Row> rows = BadRequests.rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
  }

  private static void check(Row row) {
    Map<String, String> before = rowCounts();
    long schemas = TestDatabase.schemas();

    RawHttp.Answer answer = send(row);

    assertThat(answer.status()).as(row + " answered " + answer).isEqualTo(row.status());
    assertThat(answer.header("Content-Type")).as("content type of " + row).startsWith(Api.PROBLEM);
    JsonPath problem = JsonPath.from(answer.body());
    assertThat(problem.getString("type")).isEqualTo("urn:regulus:problem:" + row.type());
    assertThat(problem.getInt("status")).isEqualTo(row.status());
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(answer.body()).as("names no Java class").doesNotContainPattern(JAVA_NAME);
    if (row.field() != null) {
      assertThat(problem.getList("errors.field", String.class))
          .as("fields at fault in " + answer.body())
          .contains(row.field());
    }
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(TestDatabase.schemas()).as("schemas").isEqualTo(schemas);
    assertThat(rowCounts()).as("rows of every table").isEqualTo(before);
  }

  /** A package-qualified name or a Java exception, as a stack trace or a default message shows. */
  static final String JAVA_NAME =
      "(?i)\\b(java|javax|jakarta|io\\.regulus|org\\.(eclipse|jboss|apache)|com\\.ibm)\\.[a-z]"
          + "|[A-Z][A-Za-z]+(Exception|Error)\\b";

  private static RawHttp.Answer send(Row row) {
    String target = "/api/v1" + row.target();
    for (var entry : WORLD.entrySet()) {
      target = target.replace(entry.getKey(), entry.getValue());
    }
    target = target.replace("{fresh}", Api.unique("fresh"));
    Map<String, String> headers = new LinkedHashMap<>();
    if (AUTHORIZATION.containsKey(row.caller())) {
      headers.put("Authorization", AUTHORIZATION.get(row.caller()));
    }
    RawHttp.Body body = RawHttp.Body.none();
    for (BadRequests.Part part : row.parts()) {
      if (part instanceof BadRequests.Header header) {
        headers.put(header.name(), header.value());
      } else if (part instanceof BadRequests.Payload payload) {
        body = payload.body();
      }
    }
    return RawHttp.send(row.method(), target, headers, body, 30_000);
  }

  /** "schema.table=rows" for every table of the platform schema and of the tenant's schema. */
  private static Map<String, String> rowCounts() {
    Map<String, String> counts = new LinkedHashMap<>();
    TestDatabase.rows(
            "SELECT table_schema || '.' || table_name || '=' || (xpath('/row/c/text()', query_to_xml("
                + "format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text"
                + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                + " AND table_schema IN ('platform', '"
                + schema
                + "') ORDER BY 1")
        .forEach(
            line ->
                counts.put(
                    line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    assertThat(counts).as("tables counted").isNotEmpty();
    return counts;
  }
}
