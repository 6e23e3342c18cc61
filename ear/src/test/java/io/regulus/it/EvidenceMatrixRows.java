package io.regulus.it;

import io.regulus.it.AccessMatrix.Persona;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The authorization matrix rows of the evidence endpoints, kept beside {@link EvidenceIT}: {@code
 * AuthorizationMatrixIT.defineRows} calls {@link #define}. Members read; admins, contributors and
 * assessors (and the firm admin, who is an admin in every client) write; nobody else gets in.
 */
final class EvidenceMatrixRows {

  /** {@code AuthorizationMatrixIT::row}. */
  interface Rows {
    void row(String endpoint, BiFunction<Persona, RequestSpecification, Integer> call);
  }

  private EvidenceMatrixRows() {}

  /**
   * @param tenantPath {@code AuthorizationMatrixIT::tenant}: "/tenants/T" (the suspended tenant for
   *     SUSPENDED)
   * @param actionId an action instance of T whose test status is not passed, failed or out of scope
   */
  static void define(
      Rows rows, Function<Persona, String> tenantPath, long actionId, String adminToken) {
    String evidence = "/actions/" + actionId + "/evidence";
    long file = upload(Api.as(adminToken), tenantPath.apply(Persona.ADMIN) + evidence);
    rows.row(
        "GET /tenants/{tenant}/actions/{id}/evidence",
        (p, r) -> r.get(tenantPath.apply(p) + evidence).statusCode());
    rows.row(
        "GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
        (p, r) -> r.get(tenantPath.apply(p) + evidence + "/" + file).statusCode());
    rows.row(
        "GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}/content",
        (p, r) -> r.get(tenantPath.apply(p) + evidence + "/" + file + "/content").statusCode());
    rows.row(
        "POST /tenants/{tenant}/actions/{id}/evidence",
        (p, r) -> multipart(r).post(tenantPath.apply(p) + evidence).statusCode());
    rows.row(
        "POST /tenants/{tenant}/actions/{id}/evidence/links",
        (p, r) ->
            r.body(Map.of("url", "https://example.com/" + p))
                .post(tenantPath.apply(p) + evidence + "/links")
                .statusCode());
    rows.row(
        "DELETE /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
        (p, r) ->
            r.delete(
                    tenantPath.apply(p)
                        + evidence
                        + "/"
                        + fresh(p, adminToken, tenantPath.apply(Persona.ADMIN) + evidence, file))
                .statusCode());
  }

  /** A file of its own for a call that deletes it (only the writers' calls get that far). */
  private static long fresh(Persona persona, String adminToken, String path, long shared) {
    return switch (persona) {
      case ADMIN, ASSESSOR, CONTRIBUTOR, FIRM_ADMIN -> upload(Api.as(adminToken), path);
      default -> shared;
    };
  }

  private static long upload(RequestSpecification request, String path) {
    return multipart(request)
        .post(path)
        .then()
        .statusCode(201)
        .extract()
        .<Integer>path("id")
        .longValue();
  }

  private static RequestSpecification multipart(RequestSpecification request) {
    return request
        .contentType("multipart/form-data")
        .multiPart("file", "matrix.pdf", EvidenceIT.pdf("matrix"), "application/pdf");
  }
}
