package io.regulus.signal;

import io.regulus.access.GroupPaths;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditLog;
import io.regulus.directory.KeycloakDirectory;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * A tenant's machine clients, kept in Keycloak alone: each a confidential client {@code
 * signals-<tenant>-<8 hex>} with a service account in the tenant's group {@code
 * /tenants/<tenant>/signal-writer}, whose tokens carry that group path (so the role {@link
 * TenantRole#SIGNAL_WRITER}, which may write the tenant's signals and nothing else) and the API's
 * audience. The client's attribute {@code regulus.tenant} names its tenant: a tenant sees and
 * deletes only its own. Every change is written to the audit log.
 */
@Stateless
@Guarded
public class MachineClients {

  static final String PREFIX = "signals-";
  static final String TENANT = "regulus.tenant";
  static final String CREATED_BY = "regulus.created-by";
  static final String CREATED_AT = "regulus.created-at";
  static final int NAME_MAX = 100;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject private KeycloakDirectory directory;
  @Inject private Settings settings;
  @EJB private AuditLog audit;

  /** Makes a machine client of the tenant; its secret is in the answer and nowhere else. */
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public MachineClient.WithSecret create(TenantCaller caller, String name) {
    TenantSlug tenant = caller.slug();
    String label = name == null || name.isBlank() ? null : name.strip();
    if (label != null && label.length() > NAME_MAX) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A machine client's name is at most " + NAME_MAX + " characters; shorten it.",
          "name");
    }
    String clientId = PREFIX + tenant.value() + "-" + HexFormat.of().formatHex(bytes(4));
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    Instant now = Instant.now();
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setName(label == null ? clientId : label);
    client.setDescription("Writes the signals of tenant " + tenant.value());
    client.setEnabled(true);
    client.setProtocol("openid-connect");
    client.setPublicClient(false);
    client.setClientAuthenticatorType("client-secret");
    client.setSecret(secret);
    client.setServiceAccountsEnabled(true);
    client.setStandardFlowEnabled(false);
    client.setImplicitFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(false);
    client.setAttributes(
        Map.of(TENANT, tenant.value(), CREATED_BY, caller.name(), CREATED_AT, now.toString()));
    client.setProtocolMappers(List.of(audience(), groups()));
    String id = directory.createClient(client);
    try {
      String account = directory.call(r -> r.clients().get(id).getServiceAccountUser()).getId();
      String group =
          directory.ensureGroup(GroupPaths.tenant(tenant, TenantRole.SIGNAL_WRITER)).getId();
      directory.run(r -> r.users().get(account).joinGroup(group));
    } catch (RuntimeException e) {
      directory.run(r -> r.clients().get(id).remove());
      throw e;
    }
    audit.record(
        caller.actor(), AuditAction.MACHINE_CLIENT_CREATED, tenant.value(), null, clientId);
    return new MachineClient.WithSecret(
        new MachineClient(clientId, client.getName(), caller.name(), now, true),
        secret,
        tokenUrl());
  }

  /** The tenant's machine clients, the newest first. */
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public List<MachineClient> list(TenantCaller caller) {
    String prefix = PREFIX + caller.slug().value() + "-";
    return directory.call(r -> r.clients().findAll(prefix, false, true, 0, 1000)).stream()
        .filter(c -> c.getClientId().startsWith(prefix) && belongs(c, caller.slug()))
        .map(MachineClients::view)
        .sorted(Comparator.comparing(MachineClient::createdAt).reversed())
        .toList();
  }

  /**
   * Gives the client a new secret; the old one stops working at once (tokens already issued live
   * until they expire).
   */
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public MachineClient.WithSecret rotate(TenantCaller caller, String clientId) {
    ClientRepresentation client = find(caller.slug(), clientId);
    String secret =
        directory.call(r -> r.clients().get(client.getId()).generateNewSecret()).getValue();
    audit.record(
        caller.actor(),
        AuditAction.MACHINE_CLIENT_SECRET_ROTATED,
        caller.slug().value(),
        null,
        clientId);
    return new MachineClient.WithSecret(view(client), secret, tokenUrl());
  }

  /** Deletes the client with its service account: it gets no new token. */
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public void delete(TenantCaller caller, String clientId) {
    ClientRepresentation client = find(caller.slug(), clientId);
    directory.run(r -> r.clients().get(client.getId()).remove());
    audit.record(
        caller.actor(), AuditAction.MACHINE_CLIENT_DELETED, caller.slug().value(), null, clientId);
  }

  /** Deletes every machine client of a tenant (the tenant is being deleted). */
  @Internal("TenantAdministration.delete, for a tenant an operator deletes")
  public void forgetTenant(TenantSlug tenant) {
    String prefix = PREFIX + tenant.value() + "-";
    directory.call(r -> r.clients().findAll(prefix, false, true, 0, 1000)).stream()
        .filter(c -> c.getClientId().startsWith(prefix) && belongs(c, tenant))
        .forEach(c -> directory.run(r -> r.clients().get(c.getId()).remove()));
  }

  /** The token endpoint of the issuer every accepted token must name (REGULUS_OIDC_ISSUER). */
  private String tokenUrl() {
    return Settings.browserIssuer().orElse(settings.realmUrl().toString())
        + "/protocol/openid-connect/token";
  }

  private ClientRepresentation find(TenantSlug tenant, String clientId) {
    Optional<ClientRepresentation> found =
        clientId == null || !clientId.startsWith(PREFIX + tenant.value() + "-")
            ? Optional.empty()
            : directory.call(r -> r.clients().findByClientId(clientId)).stream()
                .filter(c -> belongs(c, tenant))
                .findFirst();
    return found.orElseThrow(() -> new MachineClientNotFoundException(tenant, clientId));
  }

  private static boolean belongs(ClientRepresentation client, TenantSlug tenant) {
    return client.getAttributes() != null
        && tenant.value().equals(client.getAttributes().get(TENANT));
  }

  private static MachineClient view(ClientRepresentation client) {
    Map<String, String> attributes =
        client.getAttributes() == null ? Map.of() : client.getAttributes();
    String at = attributes.get(CREATED_AT);
    return new MachineClient(
        client.getClientId(),
        client.getName(),
        attributes.get(CREATED_BY),
        at == null ? Instant.EPOCH : Instant.parse(at),
        Boolean.TRUE.equals(client.isEnabled()));
  }

  private static ProtocolMapperRepresentation audience() {
    return mapper(
        "regulus-api audience",
        "oidc-audience-mapper",
        Map.of(
            "included.custom.audience", "regulus-api",
            "access.token.claim", "true",
            "id.token.claim", "false",
            "introspection.token.claim", "true"));
  }

  private static ProtocolMapperRepresentation groups() {
    return mapper(
        "tenant groups",
        "oidc-group-membership-mapper",
        Map.of(
            "claim.name", "groups",
            "full.path", "true",
            "access.token.claim", "true",
            "id.token.claim", "false",
            "introspection.token.claim", "true"));
  }

  private static ProtocolMapperRepresentation mapper(
      String name, String type, Map<String, String> config) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper(type);
    mapper.setConfig(config);
    return mapper;
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
