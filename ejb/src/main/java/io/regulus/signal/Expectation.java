package io.regulus.signal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test rule's {@code expect}: a CEL expression over one resource's latest signal, with the
 * variables {@code value} (dyn: a bool, a double or a string) and {@code resource} (a string),
 * type-checked to give a bool. CEL rather than Jakarta EL: it is sandboxed (no method calls into
 * Java objects, no I/O), its evaluation is linear in the expression's size (no loops but bounded
 * macros), and it is typed, so a rule that cannot give a bool is refused when it is written, with
 * the compiler's message. Each distinct expression is compiled once and kept.
 */
public final class Expectation {

  /**
   * How many compiled expressions are kept; past it the kept ones are dropped and compiled again.
   */
  private static final int KEPT = 10_000;

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .addVar("value", SimpleType.DYN)
          .addVar("resource", SimpleType.STRING)
          .setResultType(SimpleType.BOOL)
          .build();

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private static final Map<String, Expectation> COMPILED = new ConcurrentHashMap<>();

  /** What one resource's value gives. */
  public enum Verdict {
    MET,
    NOT_MET,
    /** the expression failed on this value (a value of another type than it expects) */
    ERROR
  }

  /** A verdict, with the evaluator's message when it is an error. */
  public record Result(Verdict verdict, String error) {}

  private final String source;
  private final CelRuntime.Program program;

  private Expectation(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
  }

  /**
   * The compiled expression, kept for the next call with the same text; an {@link
   * InvalidExpectationException} with the compiler's message when it does not compile or does not
   * give a bool.
   */
  public static Expectation compile(String expect) {
    Expectation kept = COMPILED.get(expect);
    if (kept != null) {
      return kept;
    }
    CelValidationResult result = COMPILER.compile(expect);
    if (result.hasError()) {
      throw new InvalidExpectationException(expect, result.getErrorString());
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      Expectation compiled = new Expectation(expect, RUNTIME.createProgram(ast));
      if (COMPILED.size() >= KEPT) {
        COMPILED.clear();
      }
      COMPILED.put(expect, compiled);
      return compiled;
    } catch (CelValidationException | CelEvaluationException e) {
      throw new InvalidExpectationException(expect, e.getMessage());
    }
  }

  /**
   * Why {@code expect} is refused (the compiler's message), or empty when it compiles to a bool.
   */
  public static Optional<String> fault(String expect) {
    try {
      compile(expect);
      return Optional.empty();
    } catch (InvalidExpectationException e) {
      return Optional.of(e.getMessage());
    }
  }

  public String source() {
    return source;
  }

  /**
   * The verdict on one resource's value (a JSON boolean, number or string; not null, which is
   * undetermined and never evaluated).
   */
  public Result test(JsonValue value, String resource) {
    Object bound =
        switch (value.getValueType()) {
          case TRUE -> Boolean.TRUE;
          case FALSE -> Boolean.FALSE;
          case NUMBER -> ((JsonNumber) value).doubleValue();
          case STRING -> ((JsonString) value).getString();
          default -> throw new IllegalArgumentException("not a scalar value: " + value);
        };
    try {
      Object result = program.eval(Map.of("value", bound, "resource", resource));
      return new Result(Boolean.TRUE.equals(result) ? Verdict.MET : Verdict.NOT_MET, null);
    } catch (CelEvaluationException e) {
      return new Result(Verdict.ERROR, e.getMessage());
    }
  }
}
