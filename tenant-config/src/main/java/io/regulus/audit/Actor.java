package io.regulus.audit;

/** Who did something: Keycloak's user id and the username at that moment. */
public record Actor(String id, String name) {

  public Actor {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an actor has an id");
    }
    name = name == null || name.isBlank() ? id : name;
  }
}
