package io.regulus.assessment;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.text.ReadableText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/** Use cases of assessment groups: every member reads them, admins create them. */
@Stateless
@Guarded
public class AssessmentGroupService {

  private static final Logger LOG = Logger.getLogger(AssessmentGroupService.class.getName());

  @Inject private AssessmentGroupRepository groups;

  @Requires(Permission.READ_TENANT)
  public List<AssessmentGroup> list(TenantCaller caller) {
    return groups.all(caller.tenant());
  }

  @Requires(Permission.READ_TENANT)
  public AssessmentGroup get(TenantCaller caller, long id) {
    return groups
        .find(caller.tenant(), id)
        .orElseThrow(() -> new AssessmentGroupNotFoundException(id));
  }

  @Requires(Permission.MANAGE_ASSESSMENTS)
  public AssessmentGroup create(TenantCaller caller, String name, String description) {
    ActiveTenant tenant = caller.tenant();
    String trimmed = ReadableText.line("name", name);
    if (groups.nameTaken(tenant, trimmed)) {
      throw new AssessmentGroupNameTakenException(trimmed);
    }
    AssessmentGroup group =
        groups.add(
            tenant,
            new AssessmentGroup(
                trimmed,
                ReadableText.paragraphs("description", description),
                caller.id(),
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
    LOG.info(
        () ->
            "tenant "
                + tenant.slug()
                + ": assessment group "
                + group.id()
                + " created by "
                + caller.id());
    return group;
  }
}
