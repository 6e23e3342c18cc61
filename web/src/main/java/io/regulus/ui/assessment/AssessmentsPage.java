package io.regulus.ui.assessment;

import io.regulus.access.TenantCaller;
import io.regulus.api.assessment.AssessmentView;
import io.regulus.assessment.AssessmentGroup;
import io.regulus.assessment.AssessmentGroupService;
import io.regulus.assessment.AssessmentService;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's assessments, group by group, each with its status, progress and score; admins delete
 * one after a confirmation.
 */
@Named
@ViewScoped
public class AssessmentsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private AssessmentGroupService groups;
  @EJB private AssessmentService assessments;
  @Inject private Workspace workspace;

  private String tenant;
  private List<AssessmentView> rows = List.of();

  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    List<AssessmentView> loaded = new ArrayList<>();
    for (AssessmentGroup group : groups.list(caller)) {
      assessments.inGroup(caller, group.id()).stream()
          .map(scored -> AssessmentView.of(scored.assessment(), scored.score()))
          .forEach(loaded::add);
    }
    rows = List.copyOf(loaded);
  }

  /** Deletes the assessment (after the page's confirmation) and shows the list without it. */
  public void delete(long id) {
    assessments.delete(workspace.enter(tenant), id);
    load();
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public List<AssessmentView> getRows() {
    return rows;
  }
}
