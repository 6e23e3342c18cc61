package io.regulus.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A secret the server is given through a server.xml variable, with the value only the local stacks
 * may use (their Liberty override, ear/src/test/liberty, sets it; the local realm holds the same).
 * Outside the local stacks the server refuses to start while a required secret is unset or any
 * secret equals its local value: a deployment never runs on a default it did not choose.
 *
 * @param name the server.xml variable (an environment variable of the same name sets it)
 * @param localValue the value the local stacks use, refused everywhere else
 * @param required whether the server needs it at all (an optional one may stay unset)
 * @param purpose what to set it to, for the refusal's message
 */
public record Secret(String name, String localValue, boolean required, String purpose) {

  /** Every secret of the server. A new secret variable in server.xml belongs here too. */
  public static final List<Secret> ALL =
      List.of(
          new Secret(
              "REGULUS_DB_PASSWORD",
              "postgres",
              true,
              "the password of REGULUS_DB_USER in PostgreSQL"),
          new Secret(
              "REGULUS_WEB_CLIENT_SECRET",
              "regulus-web-local-secret",
              true,
              "the secret of the realm's client regulus-web"),
          new Secret(
              "REGULUS_KEYCLOAK_ADMIN_CLIENT_SECRET",
              "regulus-admin-local-secret",
              true,
              "the secret of the realm's client named by REGULUS_KEYCLOAK_ADMIN_CLIENT_ID"),
          new Secret(
              "REGULUS_SMTP_PASSWORD",
              "regulus-smtp-local-secret",
              false,
              "the password of REGULUS_SMTP_USER on the SMTP server (with REGULUS_SMTP_AUTH=true)"));

  /**
   * Why the server must not start with these values, one sentence per secret at fault; none when it
   * may. The local stacks may run on anything; elsewhere a blank value counts as unset.
   *
   * @param localStack whether this server is one of the local stacks (run, tests, benchmarks)
   * @param value the configured value of a secret's variable, by name
   */
  public static List<String> refusals(
      List<Secret> secrets, boolean localStack, Function<String, Optional<String>> value) {
    List<String> refusals = new ArrayList<>();
    if (localStack) {
      return refusals;
    }
    for (Secret secret : secrets) {
      Optional<String> set = value.apply(secret.name()).filter(v -> !v.isBlank());
      if (set.isEmpty() && secret.required()) {
        refusals.add(secret.name() + " is not set: set it to " + secret.purpose() + ".");
      } else if (set.isPresent() && set.get().equals(secret.localValue())) {
        refusals.add(
            secret.name()
                + " is the local stacks' default: set it to "
                + secret.purpose()
                + ", a value of your own.");
      }
    }
    return refusals;
  }
}
