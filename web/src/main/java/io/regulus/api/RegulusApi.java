package io.regulus.api;

import io.regulus.api.action.ActionResource;
import io.regulus.api.action.ActivityResource;
import io.regulus.api.alert.AlertPolicyResource;
import io.regulus.api.alert.AlertResource;
import io.regulus.api.assessment.AssessmentGroupResource;
import io.regulus.api.assessment.AssessmentResource;
import io.regulus.api.contract.PlainPaths;
import io.regulus.api.contract.StrictJsonReader;
import io.regulus.api.contract.StrictParameters;
import io.regulus.api.evidence.EvidenceResource;
import io.regulus.api.finding.FindingResource;
import io.regulus.api.firm.FirmTenantResource;
import io.regulus.api.firm.PortfolioResource;
import io.regulus.api.history.ScoreHistoryResource;
import io.regulus.api.history.ScoreRecomputeResource;
import io.regulus.api.jobs.JobResource;
import io.regulus.api.limit.RateLimitFilter;
import io.regulus.api.me.MeResource;
import io.regulus.api.me.MyInvitationResource;
import io.regulus.api.notification.DigestResource;
import io.regulus.api.notification.MailOutboxResource;
import io.regulus.api.notification.NotificationPreferenceResource;
import io.regulus.api.paging.ListPageHeaders;
import io.regulus.api.platform.PlatformAuditResource;
import io.regulus.api.platform.PlatformFirmResource;
import io.regulus.api.platform.PlatformTenantResource;
import io.regulus.api.problem.DomainExceptionMapper;
import io.regulus.api.problem.ProblemView;
import io.regulus.api.problem.UnexpectedExceptionMapper;
import io.regulus.api.problem.UnreadableBodyMapper;
import io.regulus.api.problem.ValidationExceptionMapper;
import io.regulus.api.problem.WebApplicationExceptionMapper;
import io.regulus.api.report.FirmLogoResource;
import io.regulus.api.report.FirmReportResource;
import io.regulus.api.report.ReportBuildResource;
import io.regulus.api.report.TenantReportResource;
import io.regulus.api.score.ScoreResource;
import io.regulus.api.security.AccessFilter;
import io.regulus.api.security.AuthenticationFilter;
import io.regulus.api.signal.MachineClientResource;
import io.regulus.api.signal.SignalBatchBodyReader;
import io.regulus.api.signal.SignalResource;
import io.regulus.api.signal.SignalRetentionResource;
import io.regulus.api.template.FirmTemplateImportResource;
import io.regulus.api.template.FirmTemplateResource;
import io.regulus.api.template.PlatformTemplateImportResource;
import io.regulus.api.template.TemplateImportResource;
import io.regulus.api.template.TemplatePushResource;
import io.regulus.api.template.TemplateResource;
import io.regulus.api.templateupdate.TemplateUpdateResource;
import io.regulus.api.testsweep.PlatformTestSweepResource;
import io.regulus.api.testsweep.TestSweepResource;
import io.regulus.api.users.TenantUserResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API's root and its OpenAPI description (served at /openapi). */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Regulus API",
            version = "1",
            description =
                "Multi-tenant compliance manager. Errors are application/problem+json (RFC 9457). "
                    + "Every endpoint needs a bearer token issued by the Regulus Keycloak realm."),
    security = @SecurityRequirement(name = "bearer"),
    components =
        @Components(
            schemas =
                @Schema(
                    name = "Problem",
                    description =
                        "An RFC 9457 problem: every error answer of the API, as application/problem+json",
                    implementation = ProblemView.class)))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class RegulusApi extends Application {

  /**
   * Every resource class: the one list the server serves and the OpenAPI access documentation reads
   * (so the authorization matrix test, which walks the OpenAPI document, sees every endpoint).
   */
  public static final List<Class<?>> RESOURCES =
      List.of(
          MeResource.class,
          MyInvitationResource.class,
          PlatformFirmResource.class,
          PlatformTenantResource.class,
          PlatformAuditResource.class,
          FirmTenantResource.class,
          PortfolioResource.class,
          TenantUserResource.class,
          AssessmentGroupResource.class,
          AssessmentResource.class,
          TemplateResource.class,
          TemplateImportResource.class,
          PlatformTemplateImportResource.class,
          TemplateUpdateResource.class,
          FirmTemplateResource.class,
          FirmTemplateImportResource.class,
          TemplatePushResource.class,
          ActionResource.class,
          ActivityResource.class,
          EvidenceResource.class,
          FindingResource.class,
          ScoreResource.class,
          ScoreHistoryResource.class,
          ScoreRecomputeResource.class,
          TenantReportResource.class,
          FirmReportResource.class,
          FirmLogoResource.class,
          ReportBuildResource.class,
          JobResource.class,
          AlertPolicyResource.class,
          AlertResource.class,
          TestSweepResource.class,
          PlatformTestSweepResource.class,
          NotificationPreferenceResource.class,
          DigestResource.class,
          MailOutboxResource.class,
          SignalResource.class,
          MachineClientResource.class,
          SignalRetentionResource.class);

  private static final List<Class<?>> PROVIDERS =
      List.of(
          RateLimitFilter.class,
          ListPageHeaders.class,
          AuthenticationFilter.class,
          AccessFilter.class,
          StrictParameters.class,
          PlainPaths.class,
          StrictJsonReader.class,
          SignalBatchBodyReader.class,
          DomainExceptionMapper.class,
          ValidationExceptionMapper.class,
          WebApplicationExceptionMapper.class,
          UnreadableBodyMapper.class,
          UnexpectedExceptionMapper.class);

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(RESOURCES);
    classes.addAll(PROVIDERS);
    return classes;
  }
}
