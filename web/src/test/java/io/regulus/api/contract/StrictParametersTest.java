package io.regulus.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class StrictParametersTest {

  @QueryParam("page")
  private int page;

  private static <T> T convert(Class<T> type, String value) throws NoSuchFieldException {
    Annotation[] annotations = StrictParametersTest.class.getDeclaredField("page").getAnnotations();
    return new StrictParameters().getConverter(type, type, annotations).fromString(value);
  }

  @Test
  void numbersAndYesOrNoConvert() throws NoSuchFieldException {
    assertThat(convert(int.class, "2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(convert(Long.class, " -5 ")).isEqualTo(-5L);
    assertThat(convert(Boolean.class, "TRUE")).isTrue();
    assertThat(convert(boolean.class, "false")).isFalse();
  }

  @Test
  void aValueThatDoesNotConvertIsRefusedNamingTheParameter() {
    for (var refused :
        new Object[][] {
          {int.class, "99999999999", "whole number"},
          {Long.class, "abc", "whole number"},
          {long.class, "1e3", "whole number"},
          {Boolean.class, "maybe", "true or false"}
        }) {
      assertThatThrownBy(() -> convert((Class<?>) refused[0], (String) refused[1]))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                assertThat(e.field()).isEqualTo("page");
                assertThat(e.detail()).contains("'page'", (String) refused[2], (String) refused[1]);
              });
    }
  }

  @Test
  void otherTypesAreLeftToJaxRs() {
    assertThat(new StrictParameters().getConverter(String.class, String.class, new Annotation[0]))
        .isNull();
  }
}
