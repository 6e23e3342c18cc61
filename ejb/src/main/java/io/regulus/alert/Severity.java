package io.regulus.alert;

/** How much an alert matters, as its policy says. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /**
   * The severity a request names, or null for none; an unknown name is refused naming the field.
   */
  public static Severity parse(String name, String field) {
    return name == null || name.isBlank() ? null : Named.parse(Severity.class, name, field);
  }
}
