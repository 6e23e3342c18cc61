package io.regulus.api.contract;

import io.regulus.problem.Violation;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a JSON value has the shape of the Java type a request binds it to, every fault named by
 * its path in the request ({@code controls[0].mandatory}): only the fields the type has, a string
 * where it takes text, a whole number in range where it takes one, true or false, a date, one of an
 * enum's names, a list, an object. JSON-B would bind a number to a text field, any word to false, a
 * number past its type's range to another number, and name the Java class where it refuses.
 */
final class JsonShape {

  private final List<Violation> violations = new ArrayList<>();

  private JsonShape() {}

  /** Every way the value departs from the type's shape; empty when it fits. */
  static List<Violation> check(JsonValue value, Type type) {
    JsonShape shape = new JsonShape();
    shape.value(value, type, "");
    return shape.violations;
  }

  private void value(JsonValue value, Type type, String path) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      expect(value instanceof JsonString, path, "must be text in quotes");
    } else if (raw == Long.class || raw == long.class) {
      whole(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (raw == Integer.class || raw == int.class) {
      whole(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      expect(value instanceof JsonNumber, path, "must be a number");
    } else if (raw == Boolean.class || raw == boolean.class) {
      expect(value == JsonValue.TRUE || value == JsonValue.FALSE, path, "must be true or false");
    } else if (raw == LocalDate.class) {
      date(value, path);
    } else if (raw.isEnum()) {
      constant(value, raw, path);
    } else if (Collection.class.isAssignableFrom(raw)) {
      list(value, element(type, 0), path);
    } else if (Map.class.isAssignableFrom(raw)) {
      if (expect(value instanceof JsonObject, path, "must be an object")) {
        value
            .asJsonObject()
            .forEach((key, member) -> value(member, element(type, 1), path + "." + key));
      }
    } else if (raw.isRecord() || raw.getName().startsWith("io.regulus.")) {
      object(value, raw, path);
    }
  }

  private void object(JsonValue value, Class<?> type, String path) {
    if (!expect(value instanceof JsonObject, path, "must be an object {...}")) {
      return;
    }
    Map<String, Type> fields = fields(type);
    value
        .asJsonObject()
        .forEach(
            (key, member) -> {
              String at = path.isEmpty() ? key : path + "." + key;
              Type field = fields.get(key);
              if (field == null) {
                violations.add(
                    new Violation(
                        at,
                        "is not a field of this request; its fields are "
                            + String.join(", ", fields.keySet())));
              } else {
                value(member, field, at);
              }
            });
  }

  private void list(JsonValue value, Type element, String path) {
    if (!expect(value instanceof JsonArray, path, "must be a list [...]")) {
      return;
    }
    JsonArray array = value.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      value(array.get(i), element, path + "[" + i + "]");
    }
  }

  private void whole(JsonValue value, String path, long min, long max) {
    String rule = "must be a whole number from " + min + " to " + max;
    if (!expect(value instanceof JsonNumber, path, rule)) {
      return;
    }
    try {
      long number = ((JsonNumber) value).bigDecimalValue().longValueExact();
      expect(number >= min && number <= max, path, rule);
    } catch (ArithmeticException e) {
      violations.add(new Violation(path, rule));
    }
  }

  private void date(JsonValue value, String path) {
    String rule = "must be a date written YYYY-MM-DD, e.g. 2027-12-31";
    if (!expect(value instanceof JsonString, path, rule)) {
      return;
    }
    try {
      LocalDate.parse(((JsonString) value).getString());
    } catch (DateTimeParseException e) {
      violations.add(new Violation(path, rule));
    }
  }

  private void constant(JsonValue value, Class<?> type, String path) {
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    String rule = "must be one of " + String.join(", ", names);
    if (expect(value instanceof JsonString, path, rule)) {
      expect(names.contains(((JsonString) value).getString()), path, rule);
    }
  }

  private boolean expect(boolean holds, String path, String rule) {
    if (!holds) {
      violations.add(new Violation(path.isEmpty() ? "request" : path, rule));
    }
    return holds;
  }

  /** The JSON names of a type's fields (a record's components), in order, with their types. */
  private static Map<String, Type> fields(Class<?> type) {
    Map<String, Type> fields = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        fields.put(
            renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value(),
            component.getGenericType());
      }
      return fields;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())
            && !Modifier.isTransient(field.getModifiers())) {
          JsonbProperty renamed = field.getAnnotation(JsonbProperty.class);
          fields.putIfAbsent(
              renamed == null || renamed.value().isEmpty() ? field.getName() : renamed.value(),
              field.getGenericType());
        }
      }
    }
    return fields;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  /** The n-th type argument of a collection or map type; Object when it has none. */
  private static Type element(Type type, int n) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > n) {
      Type argument = parameterized.getActualTypeArguments()[n];
      return argument instanceof java.lang.reflect.WildcardType wildcard
          ? wildcard.getUpperBounds()[0]
          : argument;
    }
    return Object.class;
  }
}
