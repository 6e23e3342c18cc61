package io.regulus.it;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every kind of caller may do, endpoint by endpoint: the status each persona gets. One table
 * holds the application to it twice: over HTTP, with real tokens ({@link AuthorizationMatrixIT}),
 * and inside the server, calling the domain services directly ({@link ServiceAccessIT}), where a
 * 2xx means the operation ran and a 403 that the domain refused the caller.
 */
final class AccessMatrix {

  /**
   * The callers. The tenant endpoints are called on tenant T, except by SUSPENDED, who calls its
   * own tenant.
   */
  enum Persona {
    ADMIN,
    ASSESSOR,
    CONTRIBUTOR,
    READER,
    OTHER_TENANT,
    NO_TENANT,
    SUSPENDED,
    FIRM_ADMIN,
    CONSULTANT,
    OPERATOR
  }

  private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

  // spotless:off
  static {
    // who am I
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /me",
        200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // my invitations: every signed-in caller; nobody here holds the invitation the matrix names
    expect("GET /me/invitations",
        200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    expect("POST /me/invitations/{invitationId}/accept",
        404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    expect("POST /me/invitations/{invitationId}/decline",
        404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    // my notification preferences: every signed-in caller, their own only
    expect("GET /me/notification-preferences",
        200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    expect("PUT /me/notification-preferences",
        200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // platform operators
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("POST /platform/firms",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 201);
    expect("GET /platform/firms",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/tenants",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 201);
    expect("GET /platform/tenants",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("GET /platform/tenants/{slug}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/tenants/{slug}/admins",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 202);
    expect("POST /platform/tenants/{slug}/suspend",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/tenants/{slug}/resume",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/tenants/{slug}/exports",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 201);
    expect("GET /platform/tenants/{slug}/exports",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("GET /platform/tenants/{slug}/exports/{exportId}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/tenants/{slug}/import",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 201);
    expect("DELETE /platform/tenants/{slug}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("GET /platform/audit-events",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/digests",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("GET /platform/mail-outbox",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    // a consulting firm
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /firms/{firm}/tenants",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("GET /firms/{firm}/tenants/{slug}",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("POST /firms/{firm}/tenants",
        403, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("GET /firms/{firm}/portfolio",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("GET /firms/{firm}/portfolio/history",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    // a firm's templates and their pushes: its admins write, every member of the firm reads
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /firms/{firm}/templates",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("GET /firms/{firm}/templates/{key}",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("POST /firms/{firm}/templates",
        403, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("POST /firms/{firm}/templates/{key}/versions",
        403, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("POST /firms/{firm}/template-imports",
        403, 403, 403, 403, 403, 403, 403, 202, 403, 403);
    expect("GET /firms/{firm}/template-imports",
        403, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("GET /firms/{firm}/template-imports/{id}",
        403, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    // no such import: the admin is let through and told so
    expect("POST /firms/{firm}/template-imports/{id}/stop",
        403, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("POST /firms/{firm}/template-imports/{id}/restart",
        403, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("POST /firms/{firm}/template-pushes/preview",
        403, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /firms/{firm}/template-pushes",
        403, 403, 403, 403, 403, 403, 403, 202, 403, 403);
    expect("GET /firms/{firm}/template-pushes",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("GET /firms/{firm}/template-pushes/{id}",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    // the world's push did not fail: only a failed push is retried
    expect("POST /firms/{firm}/template-pushes/{id}/retry",
        403, 403, 403, 403, 403, 403, 403, 409, 403, 403);
    // a tenant
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /tenants/{tenant}/assessment-groups",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/assessment-groups",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("GET /tenants/{tenant}/assessment-groups/{id}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/templates",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/templates/{key}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/templates",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("POST /tenants/{tenant}/templates/{key}/versions",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    // template imports and exports (a tenant's; the world's import is a finished one: nothing to stop or restart)
    expect("POST /tenants/{tenant}/template-imports",
        202, 403, 403, 403, 403, 403, 403, 202, 403, 403);
    expect("GET /tenants/{tenant}/template-imports",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/template-imports/{id}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/template-imports/{id}/stop",
        409, 403, 403, 403, 403, 403, 403, 409, 403, 403);
    expect("POST /tenants/{tenant}/template-imports/{id}/restart",
        409, 403, 403, 403, 403, 403, 403, 409, 403, 403);
    expect("GET /tenants/{tenant}/templates/{key}/versions/{version}/export",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    // the global library's imports: platform operators
    expect("POST /platform/template-imports",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 202);
    expect("GET /platform/template-imports",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("GET /platform/template-imports/{id}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("POST /platform/template-imports/{id}/stop",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 409);
    expect("POST /platform/template-imports/{id}/restart",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 409);
    // the score recomputation: platform operators (a day not come yet is refused, so no run starts)
    expect("POST /platform/score-recomputes",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 400);
    expect("GET /platform/score-recomputes/{executionId}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    expect("GET /platform/score-recomputes/schedule",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    // the reports job: platform operators (a day not come yet is refused, so no run starts)
    expect("POST /platform/report-builds",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 400);
    expect("GET /platform/report-builds/{executionId}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    // a tenant's reports: every member; a firm's portfolio reports: every member of the firm (no such report:
    // the reader is let through and told so)
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /tenants/{tenant}/reports",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/reports/{id}",
        404, 404, 404, 404, 403, 403, 403, 404, 403, 403);
    // alert policies: every member reads them, admins manage them; alerts: every member reads them, admins and
    // assessors work them (no such policy or alert: those let through are told so)
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /tenants/{tenant}/alert-policies",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/alert-policies",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("GET /tenants/{tenant}/alert-policies/{id}",
        404, 404, 404, 404, 403, 403, 403, 404, 403, 403);
    expect("PUT /tenants/{tenant}/alert-policies/{id}",
        404, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("DELETE /tenants/{tenant}/alert-policies/{id}",
        404, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("GET /tenants/{tenant}/alerts",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/alerts/{id}",
        404, 404, 404, 404, 403, 403, 403, 404, 403, 403);
    expect("POST /tenants/{tenant}/alerts/{id}/status",
        404, 404, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("GET /firms/{firm}/reports",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("GET /firms/{firm}/reports/{id}",
        403, 403, 403, 403, 403, 403, 403, 404, 404, 403);
    // the firm's logo on its reports: its admins upload it, every member of the firm reads it
    expect("PUT /firms/{firm}/logo",
        403, 403, 403, 403, 403, 403, 403, 204, 403, 403);
    expect("GET /firms/{firm}/logo",
        403, 403, 403, 403, 403, 403, 403, 200, 200, 403);
    expect("POST /platform/score-recomputes/{executionId}/restart",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    // job management: platform operators (a day not come yet starts nothing; execution 0 is none)
    expect("GET /platform/jobs",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    expect("GET /platform/jobs/executions/{executionId}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    expect("POST /platform/jobs/{name}/executions",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 400);
    expect("POST /platform/jobs/executions/{executionId}/stop",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    expect("POST /platform/jobs/executions/{executionId}/restart",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    expect("POST /platform/jobs/executions/{executionId}/abandon",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    // template updates: every member reviews them, admins decide
    expect("GET /tenants/{tenant}/template-updates",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/template-updates/{groupId}/{template}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/template-updates/{groupId}/{template}/accept",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/template-updates/{groupId}/{template}/defer",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/assessment-groups/{id}/assessments",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/assessment-groups/{id}/assessments",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("GET /tenants/{tenant}/assessments/{id}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("DELETE /tenants/{tenant}/assessments/{id}",
        204, 403, 403, 403, 403, 403, 403, 204, 403, 403);
    expect("GET /tenants/{tenant}/actions",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/actions/{id}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("PATCH /tenants/{tenant}/actions/{id}",
        200, 200, 200, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/actions/assign",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/actions/reassign",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/actions/workbook",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/actions/workbook/preview",
        200, 200, 200, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/actions/workbook",
        200, 200, 200, 403, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/activity",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/actions/{id}/history",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/actions/{id}/controls",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    // automatic tests: every member reads the deciding signals; who records tests withdraws an override (the
    // matrix's action is tested by hand: nothing to withdraw); admins sweep their tenant, operators every tenant
    expect("GET /tenants/{tenant}/actions/{id}/signals",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("DELETE /tenants/{tenant}/actions/{id}/test-override",
        409, 409, 403, 403, 403, 403, 403, 409, 403, 403);
    expect("POST /tenants/{tenant}/test-sweeps",
        202, 403, 403, 403, 403, 403, 403, 202, 403, 403);
    expect("GET /tenants/{tenant}/test-sweeps/{executionId}",
        404, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("POST /platform/test-sweeps",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 202);
    expect("GET /platform/test-sweeps/{executionId}",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 404);
    expect("GET /tenants/{tenant}/dashboard",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/scores",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/scores/what-if",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/score-history",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/users",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/users/{userId}",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/users",
        202, 403, 403, 403, 403, 403, 403, 202, 403, 403);
    expect("GET /tenants/{tenant}/invitations",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("PUT /tenants/{tenant}/users/{userId}/role",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("DELETE /tenants/{tenant}/users/{userId}",
        204, 403, 403, 403, 403, 403, 403, 204, 403, 403);
    expect("GET /tenants/{tenant}/assignees",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    // a tenant's evidence
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("GET /tenants/{tenant}/actions/{id}/evidence",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}/content",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/actions/{id}/evidence",
        201, 201, 201, 403, 403, 403, 403, 201, 403, 403);
    expect("POST /tenants/{tenant}/actions/{id}/evidence/links",
        201, 201, 201, 403, 403, 403, 403, 201, 403, 403);
    expect("DELETE /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
        204, 204, 204, 403, 403, 403, 403, 204, 403, 403);
    // signals: the tenant's machine clients (SignalIngestionIT) and admins write them, every member reads them; the
    // tenant's admins manage its machine clients (no such client: the admin is told so)
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("POST /tenants/{tenant}/signals",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("GET /tenants/{tenant}/signals",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("GET /tenants/{tenant}/signals/latest",
        200, 200, 200, 200, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/machine-clients",
        201, 403, 403, 403, 403, 403, 403, 201, 403, 403);
    expect("GET /tenants/{tenant}/machine-clients",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
    expect("POST /tenants/{tenant}/machine-clients/{clientId}/secret",
        404, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    expect("DELETE /tenants/{tenant}/machine-clients/{clientId}",
        404, 403, 403, 403, 403, 403, 403, 404, 403, 403);
    // the retention pass of signals: platform operators
    expect("POST /platform/signal-retention",
        403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    // a tenant's scanner findings (signals)
    //  ADM  ASS  CON  REA  OTH  NON  SUS  FAD  CNS  OPR
    expect("POST /tenants/{tenant}/findings",
        200, 403, 403, 403, 403, 403, 403, 200, 403, 403);
  }

  // spotless:on

  private AccessMatrix() {}

  private static void expect(String endpoint, int... statuses) {
    if (statuses.length != Persona.values().length || EXPECTED.put(endpoint, statuses) != null) {
      throw new IllegalStateException("one status per persona, once per endpoint: " + endpoint);
    }
  }

  /** Every endpoint of the table, in order. */
  static Iterable<String> endpoints() {
    return EXPECTED.keySet();
  }

  static int endpointCount() {
    return EXPECTED.size();
  }

  /** The status the persona gets from the endpoint. */
  static int expected(String endpoint, Persona persona) {
    int[] statuses = EXPECTED.get(endpoint);
    if (statuses == null) {
      throw new IllegalArgumentException("no row for " + endpoint);
    }
    return statuses[persona.ordinal()];
  }

  static String describe(String endpoint) {
    return endpoint + " " + Arrays.toString(EXPECTED.get(endpoint));
  }
}
