package io.regulus.api.template;

import io.regulus.template.TemplateDraft;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new private template, or an extension of a global template ({@code extends}), with its first
 * version: its own new actions, and its controls naming the actions that satisfy them.
 */
public record TemplateRequest(
    @NotBlank @Size(max = 60) String key,
    @NotBlank @Size(max = 300) String title,
    @NotBlank @Size(max = 300) String regulation,
    @Size(max = 4000) String description,
    @JsonbProperty("extends") @Size(max = 60) String extendsTemplate,
    List<TemplateDraft.Action> actions,
    List<TemplateDraft.Control> controls) {

  TemplateDraft draft() {
    return new TemplateDraft(
        key, title, regulation, description, extendsTemplate, actions, controls);
  }
}
