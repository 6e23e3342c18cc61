package io.regulus.alert;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A constant of one of the alerts' enums, as a request names it (any case). */
final class Named {

  private Named() {}

  /** The constant of that name, if there is one. */
  static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(upper)).findFirst();
  }

  /** The rule a wrong name breaks: "'x' is not known: one of A, B, C". */
  static String rule(Class<? extends Enum<?>> type, String name) {
    return (name == null ? "required" : "'" + name + "' is not known")
        + ": one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The constant of that name; an unknown name is a 400 naming the field and every constant. */
  static <E extends Enum<E>> E parse(Class<E> type, String name, String field) {
    return find(type, name)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    ProblemKind.INVALID_INPUT,
                    null,
                    List.of(new Violation(field, rule(type, name)))));
  }
}
