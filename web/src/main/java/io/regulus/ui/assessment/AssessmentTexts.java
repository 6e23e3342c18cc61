package io.regulus.ui.assessment;

import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** The assessments pages' texts in the page's language, for what a bean labels itself. */
final class AssessmentTexts {

  private AssessmentTexts() {}

  static ResourceBundle get() {
    return ResourceBundle.getBundle(
        "io.regulus.ui.assessment.messages",
        FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }
}
