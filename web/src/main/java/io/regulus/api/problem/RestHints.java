package io.regulus.api.problem;

import io.regulus.action.ActionInstanceNotFoundException;
import io.regulus.action.StaleVersionException;
import io.regulus.assessment.AssessmentNotFoundException;
import io.regulus.directory.MemberNotFoundException;
import io.regulus.history.ScoreRecomputeGoingException;
import io.regulus.problem.DomainException;
import io.regulus.tenancy.FirmNotFoundException;
import io.regulus.tenancy.TenantNotDeletableException;
import io.regulus.tenancy.TenantNotFoundException;
import io.regulus.tenancy.TenantSuspendedException;
import io.regulus.tenancy.archive.InvalidArchiveException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to do next, in the API's terms (paths, headers), appended to a domain error's detail: the
 * domain says what is wrong in its own words, so the same error reads well in a page; only the API
 * adds where to go.
 */
final class RestHints {

  private static final Map<Class<? extends DomainException>, Function<DomainException, String>>
      HINTS = new LinkedHashMap<>();

  static {
    hint(
        StaleVersionException.class,
        e -> "Send your change again with If-Match: \"" + e.current().version() + "\".");
    hint(
        ActionInstanceNotFoundException.class,
        e -> "GET /api/v1/tenants/{tenant}/actions lists them.");
    hint(
        AssessmentNotFoundException.class,
        e ->
            "GET /api/v1/tenants/{tenant}/assessment-groups/{group}/assessments lists a group's assessments.");
    hint(MemberNotFoundException.class, e -> "GET /api/v1/tenants/{tenant}/users lists them.");
    hint(
        TenantSuspendedException.class,
        e ->
            "A platform operator resumes it with POST /api/v1/platform/tenants/"
                + e.slug()
                + "/resume.");
    hint(
        TenantNotFoundException.class,
        e -> "Platform operators provision tenants with POST /api/v1/platform/tenants.");
    hint(
        TenantNotDeletableException.class,
        e ->
            (e.suspended() ? "" : "POST /api/v1/platform/tenants/" + e.slug() + "/suspend, then ")
                + "POST /api/v1/platform/tenants/"
                + e.slug()
                + "/exports, then DELETE again.");
    hint(
        InvalidArchiveException.class,
        e ->
            "Upload an archive downloaded from GET /api/v1/platform/tenants/{tenant}/exports/{id}.");
    hint(
        ScoreRecomputeGoingException.class,
        e -> "GET /api/v1/platform/score-recomputes/" + e.executionId() + " follows it.");
    hint(
        FirmNotFoundException.class,
        e -> "Platform operators create firms with POST /api/v1/platform/firms.");
  }

  private RestHints() {}

  @SuppressWarnings("unchecked")
  private static <E extends DomainException> void hint(Class<E> type, Function<E, String> hint) {
    HINTS.put(type, e -> hint.apply((E) e));
  }

  /** The domain's detail, followed by what to do in the API when there is something to say. */
  static String detail(DomainException exception) {
    return Optional.ofNullable(HINTS.get(exception.getClass()))
        .map(hint -> exception.detail() + " " + hint.apply(exception))
        .orElse(exception.detail());
  }
}
