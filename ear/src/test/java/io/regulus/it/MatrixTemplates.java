package io.regulus.it;

import java.util.List;
import java.util.Map;

/** The smallest valid private template bodies: one control mapped to one library action. */
final class MatrixTemplates {

  private MatrixTemplates() {}

  static Map<String, Object> template(String key) {
    return Map.of("key", key, "title", "Template " + key, "regulation", "Rules of " + key,
        "controls", List.of(control()));
  }

  static Map<String, Object> version() {
    return Map.of("controls", List.of(control()));
  }

  private static Map<String, Object> control() {
    return Map.of("id", "M-1", "family", "Matrix", "title", "One control", "description", "One requirement",
        "mandatory", true, "nature", "preventative", "actions", List.of("mfa-for-administrators"));
  }
}
