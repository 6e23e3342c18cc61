package io.regulus.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bad requests across the API, one a line: what is sent, by whom, and the status, problem type and
 * field at fault it must get. {@link BadInputCatalogueIT} sends each and checks that nothing was
 * written. Targets name the world's objects in braces ({tenant}, {group}, {assessment}, {action});
 * JSON is written with single quotes for double ones.
 */
final class BadRequests {

  /** Who sends the request. */
  enum Caller {
    ANONYMOUS,
    GARBAGE_TOKEN,
    BASIC,
    ADMIN,
    OPERATOR
  }

  /** A header or a body of a request. */
  sealed interface Part permits Header, Payload {}

  record Header(String name, String value) implements Part {}

  record Payload(RawHttp.Body body) implements Part {}

  /** One bad request and the answer it must get; {@code field} null when no field is at fault. */
  record Row(
      String name,
      int status,
      String type,
      String field,
      Caller caller,
      String method,
      String target,
      List<Part> parts) {

    @Override
    public String toString() {
      return name + ": " + method + " " + target + " -> " + status + " " + type;
    }
  }

  static final String INVALID = "invalid-input";
  static final String RULE = "rule-violated";
  static final String UNAUTHENTICATED = "unauthenticated";
  static final String NOT_FOUND = "not-found";
  static final String NOT_ALLOWED = "http-405";
  static final String NOT_ACCEPTABLE = "http-406";
  static final String MEDIA_TYPE = "unsupported-media-type";
  static final String TOO_LARGE = "payload-too-large";
  static final String REQUIRED = "precondition-required";

  /** The largest JSON body the server reads (REGULUS_JSON_MAX_BYTES, its default in the tests). */
  static final int JSON_MAX_BYTES = 1024 * 1024;

  private static final List<Row> ROWS = new ArrayList<>();

  // spotless:off
  static {
    // tokens
    bad("no token",                     401, UNAUTHENTICATED, null, Caller.ANONYMOUS, "GET /me");
    bad("not a JWT",                    401, UNAUTHENTICATED, null, Caller.GARBAGE_TOKEN, "GET /me");
    bad("basic authentication",         401, UNAUTHENTICATED, null, Caller.BASIC, "GET /me");
    bad("tenant write without a token", 401, UNAUTHENTICATED, null, Caller.ANONYMOUS, "POST /tenants/{tenant}/assessment-groups", json("{'name':'anonymous'}"));
    // slugs
    bad("tenant slug climbing up",      400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':'../x'}"));
    bad("tenant slug in capitals",      400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':'UPPER'}"));
    bad("tenant slug of 64 characters", 400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':'" + "abcdefgh".repeat(8) + "'}"));
    bad("firm slug with a semicolon",   400, INVALID, "firm", Caller.OPERATOR, "POST /platform/firms", json("{'slug':'a;drop'}"));
    bad("tenant slug given a number",   400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':12345}"));
    bad("tenant slug reserved",         400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':'platform'}"));
    bad("tenant slug starting with pg", 400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':'pg-toast'}"));
    bad("firm slug reserved",           400, INVALID, "slug", Caller.OPERATOR, "POST /platform/firms", json("{'slug':'regulus-partners'}"));
    bad("import into a bad slug",       400, INVALID, "slug", Caller.OPERATOR, "POST /platform/tenants/Bad_Slug/import", bytes("application/zip", "not a zip"));
    // ids in the path
    bad("action id a word",             400, INVALID, "id", Caller.ADMIN, "GET /tenants/{tenant}/actions/abc");
    bad("action id past long",          400, INVALID, "id", Caller.ADMIN, "GET /tenants/{tenant}/actions/99999999999999999999");
    bad("assessment id a word",         400, INVALID, "id", Caller.ADMIN, "DELETE /tenants/{tenant}/assessments/abc");
    bad("group id a fraction",          400, INVALID, "id", Caller.ADMIN, "GET /tenants/{tenant}/assessment-groups/1.5");
    bad("evidence id a word",           400, INVALID, "evidenceId", Caller.ADMIN, "GET /tenants/{tenant}/actions/{action}/evidence/xyz");
    bad("evidence of action a word",    400, INVALID, "id", Caller.ADMIN, "GET /tenants/{tenant}/actions/abc/evidence");
    bad("export id a word",             400, INVALID, "exportId", Caller.OPERATOR, "GET /platform/tenants/{tenant}/exports/latest");
    bad("action that does not exist",   404, NOT_FOUND, null, Caller.ADMIN, "GET /tenants/{tenant}/actions/0");
    // query parameters
    bad("page past int",                400, INVALID, "page", Caller.ADMIN, "GET /tenants/{tenant}/actions?page=99999999999");
    bad("size a word",                  400, INVALID, "size", Caller.ADMIN, "GET /tenants/{tenant}/actions?size=abc");
    bad("assessment filter a word",     400, INVALID, "assessment", Caller.ADMIN, "GET /tenants/{tenant}/actions?assessment=abc");
    bad("group filter in exponent",     400, INVALID, "group", Caller.ADMIN, "GET /tenants/{tenant}/actions?group=1e3");
    bad("overdue maybe",                400, INVALID, "overdue", Caller.ADMIN, "GET /tenants/{tenant}/actions?overdue=maybe");
    bad("includePassed yes",            400, INVALID, "includePassed", Caller.ADMIN, "GET /tenants/{tenant}/actions?includePassed=yes");
    bad("workbook filter a word",       400, INVALID, "assessment", Caller.ADMIN, "GET /tenants/{tenant}/actions/workbook?assessment=all");
    bad("unknown testing source",       422, RULE, "testingSource", Caller.ADMIN, "GET /tenants/{tenant}/actions?testingSource=sometimes");
    bad("key actions a word",           400, INVALID, "keyActions", Caller.ADMIN, "GET /tenants/{tenant}/dashboard?keyActions=many");
    bad("key actions past 100",         400, INVALID, "keyActions", Caller.ADMIN, "GET /tenants/{tenant}/dashboard?keyActions=101");
    bad("what-if limit a word",         400, INVALID, "limit", Caller.ADMIN, "GET /tenants/{tenant}/scores/what-if?limit=ten");
    bad("activity before a date",       400, INVALID, "before", Caller.ADMIN, "GET /tenants/{tenant}/activity?before=yesterday");
    bad("activity as pdf",              400, INVALID, "format", Caller.ADMIN, "GET /tenants/{tenant}/activity?format=pdf");
    bad("audit page a word",            400, INVALID, "page", Caller.OPERATOR, "GET /platform/audit-events?page=lots");
    bad("page size past 500",           400, INVALID, "size", Caller.ADMIN, "GET /tenants/{tenant}/actions?size=501");
    bad("group page size past 500",     400, INVALID, "size", Caller.ADMIN, "GET /tenants/{tenant}/assessment-groups?size=501");
    // paths, methods and media types
    bad("unknown path",                 404, NOT_FOUND, null, Caller.ADMIN, "GET /nothing-here");
    bad("dot-dot encoded",              400, INVALID, null, Caller.ADMIN, "GET /tenants/{tenant}/%2e%2e/%2e%2e/platform/tenants");
    bad("encoded slash",                400, INVALID, null, Caller.ADMIN, "GET /tenants/{tenant}%2Factions");
    bad("matrix parameter",             400, INVALID, null, Caller.ADMIN, "GET /tenants/{tenant}/actions;role=admin");
    bad("delete the action list",       405, NOT_ALLOWED, null, Caller.ADMIN, "DELETE /tenants/{tenant}/actions");
    bad("put on me",                    405, NOT_ALLOWED, null, Caller.ADMIN, "PUT /me", json("{}"));
    bad("group as plain text",          415, MEDIA_TYPE, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", bytes("text/plain", "name=x"));
    bad("workbook as JSON",             415, MEDIA_TYPE, null, Caller.ADMIN, "POST /tenants/{tenant}/actions/workbook", json("{}"));
    bad("actions as HTML",              406, NOT_ACCEPTABLE, null, Caller.ADMIN, "GET /tenants/{tenant}/actions", header("Accept", "text/html"));
    // JSON bodies
    bad("string field given a number",  400, INVALID, "name", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{'name':5}"));
    bad("unknown field",                400, INVALID, "colour", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{'name':'g','colour':'red'}"));
    bad("duplicate key",                400, INVALID, "name", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{'name':'a','name':'b'}"));
    bad("name with U+202E",             400, INVALID, "name", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{'name':'FY\u202E7202'}"));
    bad("description with zero width",  400, INVALID, "description", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{'name':'EU','description':'a\u200Bb'}"));
    bad("tenant name with U+2066",      400, INVALID, "displayName", Caller.OPERATOR, "POST /platform/tenants", json("{'slug':'bidi-name','displayName':'Acme \u2066x'}"));
    bad("blank name",                   400, INVALID, "name", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{'name':' '}"));
    bad("id list of words",             400, INVALID, "actionIds[0]", Caller.ADMIN, "POST /tenants/{tenant}/actions/assign", json("{'actionIds':['x']}"));
    bad("id past long in a list",       400, INVALID, "actionIds[0]", Caller.ADMIN, "POST /tenants/{tenant}/actions/assign", json("{'actionIds':[99999999999999999999]}"));
    bad("boolean given a word",         400, INVALID, "controls[0].mandatory", Caller.ADMIN, "POST /tenants/{tenant}/templates", json("{'key':'bad-bool','title':'t','regulation':'r','controls':[{'id':'C-1','mandatory':'yes','actions':['mfa-for-administrators']}]}"));
    bad("unknown field deep down",      400, INVALID, "controls[0].colour", Caller.ADMIN, "POST /tenants/{tenant}/templates", json("{'key':'bad-deep','title':'t','regulation':'r','controls':[{'id':'C-1','colour':'red','actions':['mfa-for-administrators']}]}"));
    bad("unknown scope",                400, INVALID, "scope", Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups/{group}/assessments", json("{'name':'a','template':'gdpr','scope':'GALAXY','scopeName':'s'}"));
    bad("date that is not one",         400, INVALID, "validFrom", Caller.ADMIN, "POST /tenants/{tenant}/actions/{action}/evidence/links", json("{'url':'https://example.com','validFrom':'tomorrow'}"));
    bad("javascript link",              422, RULE, "url", Caller.ADMIN, "POST /tenants/{tenant}/actions/{action}/evidence/links", json("{'url':'javascript:alert(1)'}"));
    bad("not JSON",                     400, INVALID, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("{not json"));
    bad("a list, not an object",        400, INVALID, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json("[]"));
    bad("no body",                      400, INVALID, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json(""));
    bad("invitation to no address",     400, INVALID, "email", Caller.ADMIN, "POST /tenants/{tenant}/users", json("{'email':'not-an-email','role':'reader'}"));
    bad("invitation as owner",          400, INVALID, "role", Caller.ADMIN, "POST /tenants/{tenant}/users", json("{'email':'x@it.example','role':'owner'}"));
    bad("change without If-Match",      428, REQUIRED, null, Caller.ADMIN, "PATCH /tenants/{tenant}/actions/{action}", json("{'notes':'n'}"));
    bad("If-Match not an ETag",         422, RULE, "If-Match", Caller.ADMIN, "PATCH /tenants/{tenant}/actions/{action}", json("{'notes':'n'}"), header("If-Match", "\"abc\""));
    bad("body past the limit",          413, TOO_LARGE, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", json(oversized()));
    bad("chunked body past the limit",  413, TOO_LARGE, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", chunked(oversized()));
    bad("length promised past limit",   413, TOO_LARGE, null, Caller.ADMIN, "POST /tenants/{tenant}/assessment-groups", promised(2 * JSON_MAX_BYTES, "{'name':"));
    // uploads, workbooks and archives
    bad("upload without a file",        400, INVALID, "file", Caller.ADMIN, "POST /tenants/{tenant}/actions/{action}/evidence", form("title", null, "no file"));
    bad("upload with an unknown part",  400, INVALID, "file", Caller.ADMIN, "POST /tenants/{tenant}/actions/{action}/evidence", form("colour", null, "red"));
    bad("upload with a bad date",       400, INVALID, "validFrom", Caller.ADMIN, "POST /tenants/{tenant}/actions/{action}/evidence", form("file", "a.txt", "text", "validFrom", null, "soon"));
    bad("upload of a disguised script", 415, MEDIA_TYPE, null, Caller.ADMIN, "POST /tenants/{tenant}/actions/{action}/evidence", form("file", "report.pdf", "#!/bin/sh\nrm -rf /\n"));
    bad("workbook that is not one",     422, RULE, null, Caller.ADMIN, "POST /tenants/{tenant}/actions/workbook", bytes(MatrixTemplates.XLSX, "not a workbook"));
    bad("workbook of nothing",          422, RULE, null, Caller.ADMIN, "POST /tenants/{tenant}/actions/workbook", bytes(MatrixTemplates.XLSX, ""));
    bad("archive that is not one",      422, RULE, "archive", Caller.OPERATOR, "POST /platform/tenants/{fresh}/import", bytes("application/zip", "not a zip"));
  }
  // spotless:on

  private BadRequests() {}

  static List<Row> rows() {
    return List.copyOf(ROWS);
  }

  private static void bad(
      String name,
      int status,
      String type,
      String field,
      Caller caller,
      String request,
      Part... parts) {
    String[] verbAndTarget = request.split(" ", 2);
    if (ROWS.stream().anyMatch(row -> row.name().equals(name))) {
      throw new IllegalStateException("two rows named " + name);
    }
    ROWS.add(
        new Row(
            name,
            status,
            type,
            field,
            caller,
            verbAndTarget[0],
            verbAndTarget[1],
            Arrays.asList(parts)));
  }

  static Header header(String name, String value) {
    return new Header(name, value);
  }

  static Payload json(String singleQuoted) {
    return bytes("application/json", singleQuoted.replace('\'', '"'));
  }

  static Payload bytes(String contentType, String content) {
    return new Payload(
        new RawHttp.Body(
            contentType, content.getBytes(StandardCharsets.UTF_8), RawHttp.Body.Framing.LENGTH, 0));
  }

  static Payload chunked(String singleQuoted) {
    return new Payload(
        new RawHttp.Body(
            "application/json",
            singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
            RawHttp.Body.Framing.CHUNKED,
            0));
  }

  /** A Content-Length of {@code declared} bytes, of which only the start is sent. */
  static Payload promised(long declared, String start) {
    return new Payload(
        new RawHttp.Body(
            "application/json",
            start.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
            RawHttp.Body.Framing.PROMISED,
            declared));
  }

  /** A valid group body one byte past the JSON limit. */
  private static String oversized() {
    String start = "{'name':'big','description':'";
    String end = "'}";
    return start + "x".repeat(JSON_MAX_BYTES + 1 - start.length() - end.length()) + end;
  }

  /** A multipart form of (name, file name or null, content) triples. */
  static Payload form(String... triples) {
    String boundary = "regulus-catalogue-boundary";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < triples.length; i += 3) {
      String disposition =
          "form-data; name=\""
              + triples[i]
              + "\""
              + (triples[i + 1] == null ? "" : "; filename=\"" + triples[i + 1] + "\"");
      out.writeBytes(
          ("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(triples[i + 2].getBytes(StandardCharsets.UTF_8));
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Payload(
        new RawHttp.Body(
            "multipart/form-data; boundary=" + boundary,
            out.toByteArray(),
            RawHttp.Body.Framing.LENGTH,
            0));
  }
}
