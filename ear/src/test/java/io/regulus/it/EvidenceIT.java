package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence of improvement actions against the real stack (GDPR assessment in a tenant of its own):
 * PDF and CSV files round-trip byte for byte with their SHA-256; links; a disguised executable, a
 * file one byte past the limit and a body cut off mid-stream are refused with nothing stored and no
 * temporary file left; an action that follows its parent shows the parent's evidence and takes
 * none; evidence stays once the test passed; readers and other tenants cannot write. The test
 * server runs with a small REGULUS_EVIDENCE_MAX_BYTES (ear/pom.xml) to keep this fast.
 */
class EvidenceIT {

  private static final long MAX_BYTES = Long.getLong("regulus.evidence-max-bytes", 1_048_576);
  private static final String TEMP_PREFIX = "regulus-evidence-";

  private static String tenant;
  private static String schema;
  private static String admin;
  private static String adminName;
  private static String reader;
  private static String otherAdmin;
  private static Map<String, Long> instances;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("evid", null);
    schema = "tenant_" + tenant.replace('-', '_');
    adminName = KeycloakClient.createMember(tenant, "admin");
    admin = KeycloakClient.token(adminName);
    reader = KeycloakClient.token(KeycloakClient.createMember(tenant, "reader"));
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR portal", "gdpr");
    List<Map<String, Object>> actions = Platform.actions(admin, tenant);
    instances =
        actions.stream()
            .collect(
                Collectors.toMap(
                    a -> (String) a.get("key"),
                    a -> ((Number) a.get("id")).longValue(),
                    (a, b) -> a));
    String other = Platform.tenant("evid-other", null);
    otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    assertThat(TestDatabase.schemaExists(schema)).as(schema).isTrue();
  }

  @Test
  void filesRoundTripByteForByteWithTheirSha256() throws Exception {
    long action = instances.get("role-based-access-control");
    byte[] pdf = pdf("Access control policy");
    byte[] csv =
        "user,role,reviewed\nana,admin,2027-01-10\nJos\u00e9,reader,2027-01-11\n"
            .getBytes(StandardCharsets.UTF_8);

    Response created =
        upload(
            admin,
            action,
            "rbac-policy.pdf",
            pdf,
            "application/octet-stream",
            Map.of(
                "title", "RBAC policy v3", "validFrom", "2027-01-01", "validUntil", "2099-12-31"));
    created.then().statusCode(201);
    long pdfId = created.<Integer>path("id").longValue();
    assertThat(created.header("Location"))
        .endsWith("/api/v1/tenants/" + tenant + "/actions/" + action + "/evidence/" + pdfId);
    assertThat(created.<String>path("kind")).isEqualTo("FILE");
    assertThat(created.<String>path("fileName")).isEqualTo("rbac-policy.pdf");
    assertThat(created.<String>path("mediaType")).isEqualTo("application/pdf");
    assertThat(created.<Integer>path("size")).isEqualTo(pdf.length);
    assertThat(created.<String>path("sha256")).isEqualTo(sha256(pdf));
    assertThat(created.<String>path("title")).isEqualTo("RBAC policy v3");
    assertThat(created.<String>path("validUntil")).isEqualTo("2099-12-31");
    assertThat(created.<String>path("uploadedBy")).isEqualTo(KeycloakClient.userId(adminName));
    assertThat(created.<String>path("uploadedByName")).isNotBlank();
    assertThat(created.<String>path("uploadedAt")).isNotBlank();
    assertThat(created.<Boolean>path("expired")).isFalse();

    long csvId =
        upload(admin, action, "access-review.csv", csv, "text/csv", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .<Integer>path("id")
            .longValue();

    List<Map<String, Object>> list =
        Api.as(reader).get(evidence(action)).then().statusCode(200).extract().path("");
    assertThat(list)
        .extracting(e -> ((Number) e.get("id")).longValue())
        .containsExactly(pdfId, csvId);
    assertThat(list).allSatisfy(e -> assertThat(e).doesNotContainKey("content"));
    assertThat(
            Api.as(reader)
                .get(evidence(action) + "/" + csvId)
                .then()
                .statusCode(200)
                .extract()
                .<String>path("mediaType"))
        .isEqualTo("text/csv; charset=UTF-8");

    for (Object[] file :
        new Object[][] {
          {pdfId, pdf, "application/pdf", "rbac-policy.pdf"},
          {csvId, csv, "text/csv", "access-review.csv"}
        }) {
      Response download = Api.as(reader).get(evidence(action) + "/" + file[0] + "/content");
      download.then().statusCode(200);
      byte[] bytes = download.asByteArray();
      assertThat(bytes).isEqualTo((byte[]) file[1]);
      assertThat(download.contentType()).startsWith((String) file[2]);
      assertThat(download.header("Content-Disposition"))
          .startsWith("attachment;")
          .contains((String) file[3]);
      assertThat(download.header("ETag")).isEqualTo("\"" + sha256(bytes) + "\"");
      assertThat(download.header("Repr-Digest"))
          .isEqualTo(
              "sha-256=:"
                  + Base64.getEncoder()
                      .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes))
                  + ":");
    }
    assertThat(storedFor(action)).isEqualTo(2);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema + ".evidence WHERE id = ? AND sha256 = ?",
                pdfId,
                sha256(pdf)))
        .isEqualTo(1);

    List<Map<String, Object>> history =
        Api.as(admin)
            .get("/tenants/" + tenant + "/actions/" + action + "/history")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.field == 'evidence' }");
    assertThat(history)
        .extracting(h -> (String) h.get("newValue"))
        .anySatisfy(v -> assertThat(v).contains("rbac-policy.pdf", sha256(pdf)))
        .anySatisfy(v -> assertThat(v).contains("access-review.csv"));
  }

  @Test
  void linksAreEvidenceWithoutContentAndExpireWithTheirWindow() {
    long action = instances.get("service-account-management");
    Response link =
        Api.as(admin)
            .body(
                Map.of(
                    "url",
                    "https://intranet.example.com/policies/service-accounts",
                    "title",
                    "Service account register",
                    "validFrom",
                    "2020-01-01",
                    "validUntil",
                    "2020-12-31"))
            .post(evidence(action) + "/links");
    link.then().statusCode(201);
    long linkId = link.<Integer>path("id").longValue();
    assertThat(link.<String>path("kind")).isEqualTo("LINK");
    assertThat(link.<String>path("url"))
        .isEqualTo("https://intranet.example.com/policies/service-accounts");
    assertThat(link.<Boolean>path("expired")).isTrue();
    assertThat(link.header("Location")).endsWith("/evidence/" + linkId);

    Response content = Api.as(admin).get(evidence(action) + "/" + linkId + "/content");
    content.then().statusCode(404).contentType(Api.PROBLEM);
    assertThat(content.<String>path("detail"))
        .contains("is a link")
        .contains("intranet.example.com");

    // expired evidence makes the action need a new test
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + schema
                    + ".action_instance_effective WHERE id = ?"
                    + " AND needs_retest",
                action))
        .isEqualTo(1);

    Response bad =
        Api.as(admin).body(Map.of("url", "javascript:alert(1)")).post(evidence(action) + "/links");
    bad.then().statusCode(422).contentType(Api.PROBLEM);
    assertThat(bad.<List<String>>path("errors.field")).containsExactly("url");
    Api.as(admin)
        .body(
            Map.of(
                "url",
                "https://example.com/a",
                "validFrom",
                "2027-02-01",
                "validUntil",
                "2027-01-01"))
        .post(evidence(action) + "/links")
        .then()
        .statusCode(422)
        .body("errors.field", Matchers.contains("validUntil"));
    assertThat(storedFor(action)).isEqualTo(1);
  }

  @Test
  void aDisguisedExecutableOrAMisnamedFileIsRefusedAndNothingStored() throws IOException {
    long action = instances.get("secure-email-encryption");
    Set<Path> before = temporaryUploads();
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[2] = (byte) 0x90;
    exe[0x3C] = (byte) 0x80;
    System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
    Response refused = upload(admin, action, "report.pdf", exe, "application/pdf", Map.of());
    refused.then().statusCode(415).contentType(Api.PROBLEM);
    assertThat(refused.<String>path("detail"))
        .contains("report.pdf", "Windows", "executable", "Accepted", "PDF document (.pdf)");

    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    Response misnamed = upload(admin, action, "diagram.pdf", png, "application/pdf", Map.of());
    misnamed.then().statusCode(415);
    assertThat(misnamed.<String>path("detail")).contains("PNG image", ".png");

    assertThat(storedFor(action)).isZero();
    assertThat(newSince(before)).isEmpty();
  }

  @Test
  void aFileOneBytePastTheLimitIsRefusedAndOneAtTheLimitStored() throws IOException {
    long action = instances.get("key-management-procedures");
    Set<Path> before = temporaryUploads();
    Response tooLarge =
        upload(admin, action, "big.csv", csvOfSize(MAX_BYTES + 1), "text/csv", Map.of());
    tooLarge.then().statusCode(413).contentType(Api.PROBLEM);
    assertThat(tooLarge.<String>path("detail"))
        .contains(String.valueOf(MAX_BYTES), "REGULUS_EVIDENCE_MAX_BYTES");
    assertThat(storedFor(action)).isZero();

    upload(admin, action, "limit.csv", csvOfSize(MAX_BYTES), "text/csv", Map.of())
        .then()
        .statusCode(201)
        .body("size", Matchers.equalTo((int) MAX_BYTES));
    assertThat(storedFor(action)).isEqualTo(1);
    assertThat(newSince(before)).isEmpty();
  }

  @Test
  void aFileNameThatHidesItsRealExtensionIsStoredAsItReads() {
    long action = instances.get("password-policy");
    String boundary = "regulus-it-" + Api.unique("b");
    // U+202E would show "report\u202Efdp.pdf" with its end reversed; the name is kept without it
    byte[] body =
        multipart(boundary, "filename*=UTF-8''report%E2%80%AEfdp.pdf", pdf("Disguised name"));
    String stored =
        Api.as(admin)
            .contentType("multipart/form-data; boundary=" + boundary)
            .body(body)
            .post(evidence(action))
            .then()
            .statusCode(201)
            .extract()
            .path("fileName");
    assertThat(stored).isEqualTo("reportfdp.pdf");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + schema
                    + ".evidence WHERE file_name LIKE '%' || chr(8238) || '%'"))
        .isZero();
  }

  @Test
  void aBodyCutOffMidStreamStoresNothingAndLeavesNoTemporaryFile() throws Exception {
    long action = instances.get("access-request-approval");
    Set<Path> before = temporaryUploads();
    String boundary = "regulus-it-" + Api.unique("b");
    byte[] body = multipart(boundary, "filename=\"cut.pdf\"", pdf("x".repeat(200_000)));

    // the client sends half of what its Content-Length announces, then goes away
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(requestHead(action, boundary, body.length));
      out.write(body, 0, body.length / 2);
      out.flush();
    }
    // a complete request whose multipart body has no closing boundary is answered: 400
    byte[] unclosed = Arrays.copyOf(body, body.length - ("\r\n--" + boundary + "--\r\n").length());
    try (Socket socket = open()) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead(action, boundary, unclosed.length));
      out.write(unclosed);
      out.flush();
      String answer = statusLineAndHeaders(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 400");
    }

    // the server notices the cut connection in its own time
    long deadline = System.currentTimeMillis() + 20_000;
    while (!newSince(before).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(newSince(before)).isEmpty();
    assertThat(storedFor(action)).isZero();
    // and the same upload, whole, is stored
    try (Socket socket = open()) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead(action, boundary, body.length));
      out.write(body);
      out.flush();
      assertThat(statusLineAndHeaders(socket.getInputStream())).startsWith("HTTP/1.1 201");
    }
    assertThat(storedFor(action)).isEqualTo(1);
  }

  @Test
  void anActionThatFollowsItsParentShowsTheParentsEvidenceAndTakesNone() {
    long child = instances.get("mfa-for-remote-access");
    long parent = instances.get("mfa-for-all-users");
    Response refused = upload(admin, child, "mfa.pdf", pdf("MFA"), "application/pdf", Map.of());
    refused.then().statusCode(409).contentType(Api.PROBLEM);
    assertThat(refused.<String>path("detail"))
        .contains("mfa-for-all-users", String.valueOf(parent));
    Api.as(admin)
        .body(Map.of("url", "https://example.com/mfa"))
        .post(evidence(child) + "/links")
        .then()
        .statusCode(409);

    long onParent =
        upload(admin, parent, "mfa.pdf", pdf("MFA"), "application/pdf", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .<Integer>path("id")
            .longValue();
    List<Integer> shown =
        Api.as(reader).get(evidence(child)).then().statusCode(200).extract().path("id");
    assertThat(shown).containsExactly((int) onParent);
    Api.as(reader).get(evidence(child) + "/" + onParent + "/content").then().statusCode(200);
    Api.as(admin).delete(evidence(child) + "/" + onParent).then().statusCode(409);
    assertThat(storedFor(child)).isZero();
    assertThat(storedFor(parent)).isEqualTo(1);
  }

  @Test
  void evidenceStaysOnceTheTestPassed() {
    long action = instances.get("single-sign-on");
    long kept =
        upload(admin, action, "sso.pdf", pdf("SSO"), "application/pdf", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .<Integer>path("id")
            .longValue();
    long other = instances.get("least-privilege-access");
    // an evidence id of another action is not found here
    Api.as(admin)
        .delete(evidence(other) + "/" + kept)
        .then()
        .statusCode(404)
        .contentType(Api.PROBLEM);
    Api.as(admin).get(evidence(other) + "/" + kept + "/content").then().statusCode(404);

    change(action, Map.of("implementationStatus", "IMPLEMENTED"));
    change(action, Map.of("testStatus", "PASSED"));
    Response locked = Api.as(admin).delete(evidence(action) + "/" + kept);
    locked.then().statusCode(409).contentType(Api.PROBLEM);
    assertThat(locked.<String>path("detail")).contains("PASSED");
    assertThat(storedFor(action)).isEqualTo(1);

    change(action, Map.of("testStatus", "IN_PROGRESS"));
    Api.as(admin).delete(evidence(action) + "/" + kept).then().statusCode(204);
    assertThat(storedFor(action)).isZero();
    Api.as(admin).delete(evidence(action) + "/" + kept).then().statusCode(404);
    List<Map<String, Object>> history =
        Api.as(admin)
            .get("/tenants/" + tenant + "/actions/" + action + "/history")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.field == 'evidence' }");
    assertThat(history).hasSize(2);
    assertThat((String) history.get(1).get("oldValue")).contains("sso.pdf");
    assertThat(history.get(1).get("newValue")).isNull();
  }

  @Test
  void readersReadButNeitherUploadNorDelete() {
    long action = instances.get("periodic-access-reviews");
    long id =
        upload(admin, action, "review.pdf", pdf("review"), "application/pdf", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .<Integer>path("id")
            .longValue();
    Api.as(reader).get(evidence(action)).then().statusCode(200);
    upload(reader, action, "reader.pdf", pdf("reader"), "application/pdf", Map.of())
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM);
    Api.as(reader)
        .body(Map.of("url", "https://example.com"))
        .post(evidence(action) + "/links")
        .then()
        .statusCode(403);
    Api.as(reader).delete(evidence(action) + "/" + id).then().statusCode(403);
    assertThat(storedFor(action)).isEqualTo(1);
  }

  @Test
  void anotherTenantsAdminReachesNothing() {
    long action = instances.get("periodic-access-reviews");
    Api.as(otherAdmin).get(evidence(action)).then().statusCode(403);
    Api.as(otherAdmin).get(evidence(action) + "/1/content").then().statusCode(403);
    upload(otherAdmin, action, "other.pdf", pdf("other"), "application/pdf", Map.of())
        .then()
        .statusCode(403);
    Api.as(otherAdmin).delete(evidence(action) + "/1").then().statusCode(403);
  }

  private static String evidence(long action) {
    return "/tenants/" + tenant + "/actions/" + action + "/evidence";
  }

  private static Response upload(
      String token,
      long action,
      String fileName,
      byte[] content,
      String type,
      Map<String, String> texts) {
    RequestSpecification request =
        Api.as(token).contentType("multipart/form-data").multiPart("file", fileName, content, type);
    texts.forEach(request::multiPart);
    return request.post(evidence(action));
  }

  /**
   * Changes an action's statuses as the admin (with a reason, for an automatically tested action's
   * result).
   */
  private static void change(long action, Map<String, Object> body) {
    Map<String, Object> sent = new java.util.HashMap<>(body);
    if (body.containsKey("testStatus")) {
      sent.put("testOverrideReason", "set by hand in EvidenceIT");
    }
    Response response = Platform.change(admin, tenant, action, sent);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
  }

  private static long storedFor(long action) {
    return TestDatabase.count(
        "SELECT count(*) FROM " + schema + ".evidence WHERE instance_id = ?", action);
  }

  /** A small valid PDF: one page showing {@code text}, with a correct cross-reference table. */
  static byte[] pdf(String text) {
    String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] csvOfSize(long size) {
    byte[] csv = new byte[(int) size];
    byte[] row = "control,owner\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < csv.length; i++) {
      csv[i] = row[i % row.length];
    }
    return csv;
  }

  /** A form of one PDF part; {@code fileParameters} name its file in the Content-Disposition. */
  private static byte[] multipart(String boundary, String fileParameters, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + fileParameters
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private static Socket open() throws IOException {
    URI base = URI.create(Api.BASE_URL);
    return new Socket(base.getHost(), base.getPort());
  }

  private static byte[] requestHead(long action, String boundary, int contentLength) {
    URI base = URI.create(Api.BASE_URL);
    return ("POST /api/v1"
            + evidence(action)
            + " HTTP/1.1\r\nHost: "
            + base.getHost()
            + ":"
            + base.getPort()
            + "\r\nAuthorization: Bearer "
            + admin
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: "
            + contentLength
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String statusLineAndHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * The temporary upload files on this machine (the test server writes them to the same
   * java.io.tmpdir).
   */
  private static Set<Path> temporaryUploads() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX))
          .collect(Collectors.toSet());
    }
  }

  private static Set<Path> newSince(Set<Path> before) throws IOException {
    Set<Path> now = temporaryUploads();
    now.removeAll(before);
    return now;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
