package io.regulus.assessment;

import io.regulus.identity.Caller;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/** Use cases of assessment groups; the caller's role in the tenant was checked by the web layer. */
@Stateless
public class AssessmentGroupService {

  private static final Logger LOG = Logger.getLogger(AssessmentGroupService.class.getName());

  @Inject private AssessmentGroupRepository groups;

  public List<AssessmentGroup> list(ActiveTenant tenant) {
    return groups.all(tenant);
  }

  public AssessmentGroup get(ActiveTenant tenant, long id) {
    return groups.find(tenant, id).orElseThrow(() -> new AssessmentGroupNotFoundException(id));
  }

  public AssessmentGroup create(ActiveTenant tenant, Caller caller, String name, String description) {
    String trimmed = name.strip();
    if (groups.nameTaken(tenant, trimmed)) {
      throw new AssessmentGroupNameTakenException(trimmed);
    }
    AssessmentGroup group =
        groups.add(tenant, new AssessmentGroup(trimmed, blankToNull(description), caller.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
    LOG.info(() -> "tenant " + tenant.slug() + ": assessment group " + group.id() + " created by " + caller.subject());
    return group;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
