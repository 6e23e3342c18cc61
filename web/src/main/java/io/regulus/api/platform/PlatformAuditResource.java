package io.regulus.api.platform;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.administration.TenantAdministration;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

  @EJB private TenantAdministration administration;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.OPERATE_PLATFORM)
  public List<AuditEventView> list(
      @QueryParam("tenant") @Parameter(description = "only this tenant's events") String tenant,
      @BeanParam PageParams params) {
    TenantSlug slug = tenant == null || tenant.isBlank() ? null : new TenantSlug(tenant);
    return page.of(administration.auditEvents(context.caller(), slug, params.request())).stream()
        .map(AuditEventView::of)
        .toList();
  }
}
