package io.regulus.template.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import assumes where the file says nothing. Documented defaults ({@link #DEFAULTS}),
 * overridable per import.
 *
 * @param keyPrefix prefixes the action keys a format derives from control ids (OSCAL), e.g.
 *     "nist-800-53"
 * @param mandatory a control's classification when the file has none
 * @param nature PREVENTATIVE, DETECTIVE or CORRECTIVE, when the file has none
 * @param actionType TECHNICAL, OPERATIONAL or DOCUMENTATION for actions a format creates
 * @param category the category of actions whose file gives none
 * @param managedBy CUSTOMER or PROVIDER for actions whose file gives none
 * @param controls control id to what a mapping file says of it (its actions, its classification,
 *     the category of the action a format creates for it); empty for none
 * @param source the official text the template restates (a link kept with the version), or null
 * @param keyNamespace the namespace of the keys a format derives (from titles, from control ids):
 *     "" for the library's, {@link ActionKeys#TENANT} for a tenant's own actions; keys the file
 *     states itself are taken as they are
 */
public record ImportOptions(
    String keyPrefix,
    boolean mandatory,
    String nature,
    String actionType,
    String category,
    String managedBy,
    Map<String, ControlMapping> controls,
    String source,
    String keyNamespace) {

  public static final ImportOptions DEFAULTS =
      new ImportOptions(
          "", true, "PREVENTATIVE", "OPERATIONAL", "Manage compliance", "CUSTOMER", Map.of());

  /**
   * What a mapping file says of one control; each part null when it says nothing of it.
   *
   * @param actions the keys of the actions satisfying the control (instead of one of its own)
   * @param mandatory its classification
   * @param nature PREVENTATIVE, DETECTIVE or CORRECTIVE
   * @param category the category of the action a format creates for it (when it maps none)
   */
  public record ControlMapping(
      List<String> actions, Boolean mandatory, String nature, String category) {

    public ControlMapping {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }
  }

  public ImportOptions {
    controls = controls == null ? Map.of() : Map.copyOf(controls);
    keyNamespace = keyNamespace == null ? "" : keyNamespace;
  }

  /**
   * Options whose mapping names only actions (control id to action keys), with no source, whose
   * derived keys are the library's (no namespace).
   */
  public ImportOptions(
      String keyPrefix,
      boolean mandatory,
      String nature,
      String actionType,
      String category,
      String managedBy,
      Map<String, List<String>> actionMapping) {
    this(
        keyPrefix,
        mandatory,
        nature,
        actionType,
        category,
        managedBy,
        actionsOnly(actionMapping),
        null,
        "");
  }

  /** These options with derived keys in {@code namespace}. */
  public ImportOptions inNamespace(String namespace) {
    return new ImportOptions(
        keyPrefix, mandatory, nature, actionType, category, managedBy, controls, source, namespace);
  }

  /** The actions the mapping names for a control; empty when it names none. */
  public List<String> actionsOf(String control) {
    ControlMapping mapping = controls.get(control);
    return mapping == null ? List.of() : mapping.actions();
  }

  private static Map<String, ControlMapping> actionsOnly(Map<String, List<String>> mapping) {
    Map<String, ControlMapping> controls = new LinkedHashMap<>();
    if (mapping != null) {
      mapping.forEach(
          (control, keys) -> controls.put(control, new ControlMapping(keys, null, null, null)));
    }
    return controls;
  }
}
