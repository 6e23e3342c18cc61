package io.regulus.api.security;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.RegulusApi;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Shows each endpoint's permission in the OpenAPI document, read from the same {@link Requires}
 * declaration the {@link AccessFilter} checks (the permission of the service operation behind the
 * endpoint): the extension {@code x-regulus-access} ({@code permission}, {@code scope}, {@code
 * roles}) and a sentence at the end of the description. Registered by {@code mp.openapi.filter}.
 */
public class AccessDocumentation implements OASFilter {

  static final String EXTENSION = "x-regulus-access";
  private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> VERBS =
      Map.of(
          GET.class, PathItem.HttpMethod.GET,
          POST.class, PathItem.HttpMethod.POST,
          PUT.class, PathItem.HttpMethod.PUT,
          DELETE.class, PathItem.HttpMethod.DELETE,
          PATCH.class, PathItem.HttpMethod.PATCH,
          HEAD.class, PathItem.HttpMethod.HEAD);

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, Permission> rules = rules();
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach(
                        (verb, operation) ->
                            Optional.ofNullable(rules.get(key(verb, path)))
                                .ifPresent(access -> document(operation, access))));
  }

  private static void document(Operation operation, Permission permission) {
    Map<String, Object> rule = new HashMap<>();
    rule.put("permission", permission.id());
    rule.put("scope", permission.scope().name());
    rule.put("roles", permission.roleIds());
    operation.addExtension(EXTENSION, rule);
    String sentence =
        "Who may call: "
            + permission.holders()
            + " (permission "
            + permission.id()
            + ": "
            + permission.action()
            + ").";
    String description = operation.getDescription();
    operation.setDescription(
        description == null || description.isBlank() ? sentence : description + "\n\n" + sentence);
  }

  /** {@code "GET /tenants/{tenant}/users"} to the rule, for every resource method. */
  static Map<String, Permission> rules() {
    Map<String, Permission> rules = new HashMap<>();
    for (Class<?> resource : RegulusApi.RESOURCES) {
      String base = pathOf(resource.getAnnotation(Path.class));
      for (Method method : resource.getMethods()) {
        Requires requires = method.getAnnotation(Requires.class);
        for (var verb : VERBS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey()) && requires != null) {
            rules.put(
                key(verb.getValue(), base + pathOf(method.getAnnotation(Path.class))),
                requires.value());
          }
        }
      }
    }
    return rules;
  }

  static String key(PathItem.HttpMethod verb, String path) {
    String normalized = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    if (normalized.startsWith("/api/v1/")) {
      normalized = normalized.substring("/api/v1".length());
    }
    if (normalized.length() > 1 && normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return verb + " " + normalized;
  }

  private static String pathOf(Path path) {
    return path == null ? "" : "/" + path.value();
  }
}
