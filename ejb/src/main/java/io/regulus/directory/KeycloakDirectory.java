package io.regulus.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.StreamMessageBodyReader;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The Keycloak realm through {@code keycloak-admin-client}, as Regulus's own confidential client
 * (client credentials; its service account may manage users and groups, nothing else). Every call
 * has connect and read timeouts; an unreachable or refusing Keycloak becomes a {@link
 * DirectoryUnavailableException} (503), never a hang. Where and as whom it connects comes from
 * {@link Settings}.
 */
@ApplicationScoped
public class KeycloakDirectory {

  private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());

  private volatile Keycloak keycloak;
  private volatile Connection connection;

  @Inject private Settings settings;

  /** Where and as whom the directory reaches Keycloak. */
  public record Connection(
      String url, String realm, String clientId, String clientSecret, long timeoutMillis) {

    static Connection of(Settings settings) {
      return new Connection(
          settings.keycloakUrl(),
          settings.keycloakRealm(),
          settings.keycloakAdminClientId(),
          settings.keycloakAdminClientSecret(),
          settings.keycloakTimeoutMillis());
    }
  }

  public KeycloakDirectory() {}

  /** A directory with an explicit connection, outside the container. */
  KeycloakDirectory(Connection connection) {
    this.connection = connection;
  }

  private Keycloak keycloak() {
    Keycloak current = keycloak;
    if (current == null) {
      synchronized (this) {
        if (keycloak == null) {
          if (connection == null) {
            connection = Connection.of(settings);
          }
          Client client =
              new ResteasyClientBuilderImpl()
                  .connectTimeout(connection.timeoutMillis(), TimeUnit.MILLISECONDS)
                  .readTimeout(connection.timeoutMillis(), TimeUnit.MILLISECONDS)
                  .connectionPoolSize(20)
                  .register(json())
                  .register(StreamMessageBodyReader.class)
                  .build();
          keycloak =
              KeycloakBuilder.builder()
                  .serverUrl(connection.url())
                  .realm(connection.realm())
                  .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                  .clientId(connection.clientId())
                  .clientSecret(connection.clientSecret())
                  .resteasyClient(client)
                  .build();
        }
        current = keycloak;
      }
    }
    return current;
  }

  /** JSON as Keycloak's representations need it: absent fields omitted, unknown fields ignored. */
  private static JacksonJsonProvider json() {
    ObjectMapper mapper =
        new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return new JacksonJsonProvider(mapper);
  }

  @PreDestroy
  void close() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  /**
   * Runs one directory operation against the realm, with Keycloak's failures turned into problems.
   */
  public <T> T call(java.util.function.Function<RealmResource, T> operation) {
    try {
      Keycloak client = keycloak();
      return operation.apply(client.realm(connection.realm()));
    } catch (ProcessingException e) {
      if (e.getCause() instanceof WebApplicationException refused) {
        throw refused(refused);
      }
      LOG.log(Level.WARNING, "Keycloak unreachable", e);
      throw new DirectoryUnavailableException(
          "Keycloak, which holds the users and their roles, did not answer in time. Nothing was changed; try again"
              + " shortly, and if it persists ask a platform operator to check Keycloak.",
          e);
    } catch (NotFoundException e) {
      throw e;
    } catch (WebApplicationException e) {
      throw refused(e);
    }
  }

  private static RuntimeException refused(WebApplicationException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
    LOG.log(Level.WARNING, "Keycloak answered " + status, e);
    if (status == 401 || status == 403 || status >= 500) {
      return new DirectoryUnavailableException(
          "Keycloak refused or failed the request (HTTP "
              + status
              + "). Nothing was changed by Regulus; a platform"
              + " operator should check the admin client settings (REGULUS_KEYCLOAK_ADMIN_CLIENT_*).",
          e);
    }
    return e;
  }

  public void run(java.util.function.Consumer<RealmResource> operation) {
    call(
        realmResource -> {
          operation.accept(realmResource);
          return null;
        });
  }

  /** The group at {@code path} ({@code /tenants/acme/admin}), if it exists. */
  public Optional<GroupRepresentation> group(String path) {
    return call(
        r -> {
          try {
            return Optional.of(r.getGroupByPath(path));
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  /**
   * The group at {@code path}, created with any missing parents; safe when two calls race to create
   * it.
   */
  public GroupRepresentation ensureGroup(String path) {
    Optional<GroupRepresentation> existing = group(path);
    if (existing.isPresent()) {
      return existing.get();
    }
    int split = path.lastIndexOf('/');
    String name = path.substring(split + 1);
    GroupRepresentation created = new GroupRepresentation();
    created.setName(name);
    Supplier<Response> create;
    if (split == 0) {
      create = () -> call(r -> r.groups().add(created));
    } else {
      String parentId = ensureGroup(path.substring(0, split)).getId();
      create = () -> call(r -> r.groups().group(parentId).subGroup(created));
    }
    try (Response response = create.get()) {
      if (response.getStatus() == 201) {
        created.setId(CreatedResponseUtil.getCreatedId(response));
        created.setPath(path);
        return created;
      }
      if (response.getStatus() != 409) {
        throw new WebApplicationException(
            "creating group " + path + " failed", response.getStatus());
      }
    }
    return group(path).orElseThrow(() -> new IllegalStateException("group " + path + " vanished"));
  }

  /** The user of that id (a checked {@link DirectoryId}), if Keycloak knows them. */
  public Optional<UserRepresentation> user(String id) {
    return call(
        r -> {
          try {
            return Optional.of(r.users().get(id).toRepresentation());
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  /** The user whose email is exactly this one (Keycloak keeps emails unique), if any. */
  public Optional<UserRepresentation> userByEmail(String email) {
    return call(r -> r.users().searchByEmail(email, true)).stream().findFirst();
  }

  /** A page of the user's groups; none when Keycloak knows no such user. */
  public List<GroupRepresentation> groupsOf(String userId, int first, int max) {
    return call(
        r -> {
          try {
            return r.users().get(userId).groups(first, max, false);
          } catch (NotFoundException e) {
            return List.<GroupRepresentation>of();
          }
        });
  }

  /**
   * Creates the user and answers their id; empty when Keycloak already has a user of that username
   * or email. Any other refusal says what Keycloak answered.
   */
  public Optional<String> createUser(UserRepresentation user) {
    try (Response response = call(r -> r.users().create(user))) {
      if (response.getStatus() == 201) {
        return Optional.of(CreatedResponseUtil.getCreatedId(response));
      }
      if (response.getStatus() == 409) {
        return Optional.empty();
      }
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "Keycloak refused to create a user for "
              + user.getEmail()
              + " (status "
              + response.getStatus()
              + ": "
              + response.readEntity(String.class)
              + ").",
          "email");
    }
  }

  /**
   * Creates the client and answers its id; a refusal (a client of that id exists already) says what
   * Keycloak answered.
   */
  public String createClient(ClientRepresentation client) {
    try (Response response = call(r -> r.clients().create(client))) {
      if (response.getStatus() == 201) {
        return CreatedResponseUtil.getCreatedId(response);
      }
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Keycloak refused to create the client "
              + client.getClientId()
              + " (status "
              + response.getStatus()
              + "); try again.");
    }
  }

  /** Removes the group at {@code path} with its subgroups and memberships, if it exists. */
  public void removeGroup(String path) {
    group(path).ifPresent(g -> run(r -> r.groups().group(g.getId()).remove()));
  }
}
