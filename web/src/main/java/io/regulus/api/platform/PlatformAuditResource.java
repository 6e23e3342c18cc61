package io.regulus.api.platform;

import io.regulus.api.security.Access;
import io.regulus.audit.AuditLog;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The platform audit log: tenant life-cycle and user-administration events, newest first. */
@Path("/platform/audit-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAuditResource {

  @EJB private AuditLog audit;

  @GET
  @Access(Access.Scope.PLATFORM_OPERATOR)
  public List<AuditEventView> list(
      @QueryParam("tenant") @Parameter(description = "only this tenant's events") String tenant,
      @QueryParam("limit") @DefaultValue("100") @Parameter(description = "at most this many (1 to 500)") int limit) {
    String slug = tenant == null || tenant.isBlank() ? null : new TenantSlug(tenant).value();
    return audit.recent(slug, limit).stream().map(AuditEventView::of).toList();
  }
}
