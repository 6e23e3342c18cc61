package io.regulus.api.template;

import io.regulus.template.TemplateDraft;
import java.util.List;

/** The whole content of a private template's next version: new actions and every control. */
public record VersionRequest(
    List<TemplateDraft.Action> actions, List<TemplateDraft.Control> controls) {

  TemplateDraft draft(String key) {
    return new TemplateDraft(key, null, null, null, null, actions, controls);
  }
}
