package io.regulus.api.contract;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts every number, yes/no and day parameter of the API (path, query, header), and refuses one
 * that does not convert with a 400 naming the parameter and what it takes. Without it JAX-RS
 * answers a query or path parameter that does not convert with 404 "no resource", and reads any
 * word but {@code true} as false.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

  private static final Map<Class<?>, Function<String, Object>> PARSERS =
      Map.of(
          long.class, value -> number(value, Long.MIN_VALUE, Long.MAX_VALUE),
          Long.class, value -> number(value, Long.MIN_VALUE, Long.MAX_VALUE),
          int.class, value -> (int) number(value, Integer.MIN_VALUE, Integer.MAX_VALUE),
          Integer.class, value -> (int) number(value, Integer.MIN_VALUE, Integer.MAX_VALUE),
          boolean.class, StrictParameters::yesOrNo,
          Boolean.class, StrictParameters::yesOrNo,
          LocalDate.class, LocalDate::parse);

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    Function<String, Object> parser = PARSERS.get(rawType);
    if (parser == null) {
      return null;
    }
    String name = name(annotations);
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null) {
          throw new IllegalArgumentException("no value");
        }
        try {
          return (T) parser.apply(value.strip());
        } catch (DateTimeParseException e) {
          throw refused(name, value, "must be a day like 2026-12-06");
        } catch (NumberFormatException | ArithmeticException e) {
          throw refused(name, value, "must be a whole number " + range(rawType));
        } catch (IllegalArgumentException e) {
          throw refused(name, value, "must be true or false");
        }
      }

      @Override
      public String toString(T value) {
        return String.valueOf(value);
      }
    };
  }

  private static long number(String value, long min, long max) {
    long parsed = Long.parseLong(value);
    if (parsed < min || parsed > max) {
      throw new ArithmeticException("out of range");
    }
    return parsed;
  }

  private static Boolean yesOrNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static String range(Class<?> type) {
    return type == int.class || type == Integer.class
        ? "from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
        : "from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
  }

  private static DomainException refused(String name, String value, String rule) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return new DomainException(
        ProblemKind.INVALID_INPUT,
        "The parameter '" + name + "' " + rule + ", not '" + shown + "'.",
        name);
  }

  /** The parameter's name as the request spells it, from its JAX-RS annotation. */
  private static String name(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      } else if (annotation instanceof PathParam path) {
        return path.value();
      } else if (annotation instanceof HeaderParam header) {
        return header.value();
      } else if (annotation instanceof MatrixParam matrix) {
        return matrix.value();
      } else if (annotation instanceof CookieParam cookie) {
        return cookie.value();
      } else if (annotation instanceof FormParam form) {
        return form.value();
      }
    }
    return "parameter";
  }
}
