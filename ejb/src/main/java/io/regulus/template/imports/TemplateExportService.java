package io.regulus.template.imports;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.template.ResolvedTemplate;
import io.regulus.template.TemplateCatalog;
import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.TemplateContent;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.exchange.TemplateHeader;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A published template version as a file, in either format, for anyone who can read the tenant: a
 * global template, a firm's template pushed to the tenant, or the tenant's own (an extension with
 * the global version's controls and its own). Controls in the version's order, each control's
 * actions by key, the actions in the order their first control names them; what the file brought
 * beyond Regulus' fields (workbook attributes, dimensions) as it was imported, so an export
 * imported again exports the same.
 */
@Stateless
@Guarded
public class TemplateExportService {

  private static final Logger LOG = Logger.getLogger(TemplateExportService.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private TemplateCatalog catalog;

  /** The file a version exports to, once the version is known to exist: its name and media type. */
  public record ExportFile(String name, String mediaType) {}

  /** Checks that the version exists (else the catalogue's not-found or invalid-input problem). */
  @Requires(Permission.READ_TENANT)
  public ExportFile file(TenantCaller caller, String key, String version, TemplateFormat format) {
    ResolvedTemplate resolved = catalog.resolve(caller.tenant(), key, version);
    return new ExportFile(
        key + "-" + resolved.version() + "." + format.extension(), format.mediaType());
  }

  @Requires(Permission.READ_TENANT)
  public void export(
      TenantCaller caller, String key, String version, TemplateFormat format, OutputStream out) {
    binding.bind(em, caller.tenant());
    ResolvedTemplate resolved = catalog.resolve(caller.tenant(), key, version);
    List<ExchangeControl> controls = new ArrayList<>();
    Map<String, ExchangeAction> actions = new LinkedHashMap<>();
    TemplateHeader header;
    if (resolved.globalVersionId() != null) {
      header =
          header(
              "platform.template",
              key.equals(resolved.templateKey()) ? key : resolved.templateKey());
      read(
          GLOBAL_CONTROLS,
          resolved.globalVersionId(),
          "platform.library_action",
          controls,
          actions);
    } else {
      header = header("private_template", key);
    }
    if (resolved.privateVersionId() != null) {
      if (resolved.extensionKey() != null) {
        header = header("private_template", resolved.extensionKey());
      }
      read(PRIVATE_CONTROLS, resolved.privateVersionId(), "action", controls, actions);
    }
    try {
      format
          .writer()
          .write(
              new TemplateContent(key, resolved.version(), header, actions.values(), controls),
              out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.info(
        () ->
            "tenant "
                + caller.slug().value()
                + ": template "
                + key
                + " "
                + resolved.version()
                + " exported as "
                + format
                + " by "
                + caller.id());
  }

  private static final String GLOBAL_CONTROLS =
      "SELECT c.control_id, c.family, c.title, c.description, c.mandatory, c.nature,"
          + " string_agg(a.action_key, ',' ORDER BY a.action_key)"
          + " FROM platform.template_control c"
          + " LEFT JOIN platform.template_control_action m ON m.control_id = c.id"
          + " LEFT JOIN platform.library_action a ON a.id = m.action_id"
          + " WHERE c.version_id = ?1 GROUP BY c.id ORDER BY c.position, c.control_id";

  private static final String PRIVATE_CONTROLS =
      "SELECT c.control_id, c.family, c.title, c.description, c.mandatory, c.nature,"
          + " string_agg(a.action_key, ',' ORDER BY a.action_key)"
          + " FROM private_control c"
          + " LEFT JOIN private_control_action m ON m.control_id = c.id"
          + " LEFT JOIN action a ON a.id = m.action_id"
          + " WHERE c.version_id = ?1 GROUP BY c.id ORDER BY c.position, c.control_id";

  private TemplateHeader header(String table, String key) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT title, regulation, description, attributes::text FROM "
                        + table
                        + " WHERE template_key = ?1")
                .setParameter(1, key)
                .getSingleResult();
    JsonObject stored = TemplateImports.object((String) row[3]);
    List<Map<String, String>> dimensions = new ArrayList<>();
    if (stored.containsKey("dimensions")) {
      stored
          .getJsonArray("dimensions")
          .forEach(dimension -> dimensions.add(ItemJson.map(dimension.asJsonObject())));
    }
    return new TemplateHeader(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        stored.containsKey("attributes")
            ? ItemJson.map(stored.getJsonObject("attributes"))
            : Map.of(),
        dimensions);
  }

  /** Adds the version's controls, and the actions they name in the order first named. */
  private void read(
      String sql,
      long versionId,
      String actionTable,
      List<ExchangeControl> controls,
      Map<String, ExchangeAction> actions) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, versionId).getResultList();
    List<String> named = new ArrayList<>();
    for (Object[] row : rows) {
      List<String> keys = row[6] == null ? List.of() : Arrays.asList(((String) row[6]).split(","));
      controls.add(
          new ExchangeControl(
              (String) row[0],
              (String) row[1],
              (String) row[2],
              (String) row[3],
              (Boolean) row[4],
              (String) row[5],
              keys));
      keys.stream().filter(k -> !actions.containsKey(k) && !named.contains(k)).forEach(named::add);
    }
    if (named.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT a.action_key, a.title, a.action_type, a.points, a.description, a.category,"
                    + " a.solution, a.managed_by, a.attributes::text"
                    + " FROM unnest(CAST(?1 AS text[])) AS k(key) JOIN "
                    + actionTable
                    + " a ON a.action_key = k.key")
            .setParameter(1, "{" + String.join(",", named) + "}")
            .getResultList();
    Map<String, ExchangeAction> byKey = new LinkedHashMap<>();
    for (Object[] row : found) {
      JsonObject attributes = TemplateImports.object((String) row[8]);
      byKey.put(
          (String) row[0],
          new ExchangeAction(
              (String) row[0],
              (String) row[1],
              (String) row[2],
              ((Number) row[3]).intValue(),
              attributes.getString("descriptionTitle", null),
              (String) row[4],
              (String) row[5],
              (String) row[6],
              (String) row[7],
              attributes.containsKey("dimensions")
                  ? ItemJson.map(attributes.getJsonObject("dimensions"))
                  : Map.of()));
    }
    named.stream().filter(byKey::containsKey).forEach(k -> actions.put(k, byKey.get(k)));
  }
}
