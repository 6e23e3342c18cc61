package io.regulus.template.exchange;

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
 * @param actionMapping control id to action keys (a mapping file): such a control maps to these
 *     actions instead of getting one of its own; empty for none
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
    Map<String, List<String>> actionMapping,
    String keyNamespace) {

  public static final ImportOptions DEFAULTS =
      new ImportOptions(
          "", true, "PREVENTATIVE", "OPERATIONAL", "Manage compliance", "CUSTOMER", Map.of());

  public ImportOptions {
    actionMapping = actionMapping == null ? Map.of() : Map.copyOf(actionMapping);
    keyNamespace = keyNamespace == null ? "" : keyNamespace;
  }

  /** Options whose derived keys are the library's (no namespace). */
  public ImportOptions(
      String keyPrefix,
      boolean mandatory,
      String nature,
      String actionType,
      String category,
      String managedBy,
      Map<String, List<String>> actionMapping) {
    this(keyPrefix, mandatory, nature, actionType, category, managedBy, actionMapping, "");
  }

  /** These options with derived keys in {@code namespace}. */
  public ImportOptions inNamespace(String namespace) {
    return new ImportOptions(
        keyPrefix, mandatory, nature, actionType, category, managedBy, actionMapping, namespace);
  }
}
