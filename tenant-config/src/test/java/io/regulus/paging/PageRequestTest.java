package io.regulus.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  private static final List<Integer> SEVEN = IntStream.range(0, 7).boxed().toList();

  @Test
  void aPageLargerThanTheLargestIsRefusedNamingTheLimitNotClamped() {
    assertThatThrownBy(() -> new PageRequest(0, PageRequest.MAX_SIZE + 1))
        .isInstanceOfSatisfying(
            PageRequest.InvalidPageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
              assertThat(e.violations()).extracting(Violation::field).containsExactly("size");
              assertThat(e.detail()).contains("size", "500");
            });
    assertThat(new PageRequest(0, PageRequest.MAX_SIZE).size()).isEqualTo(500);
  }

  @Test
  void negativePagesAndEmptyPagesAreRefusedTogether() {
    assertThatThrownBy(() -> new PageRequest(-1, 0))
        .isInstanceOfSatisfying(
            PageRequest.InvalidPageException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("page", "size"));
  }

  @Test
  void aPageIsItsSliceOfTheWholeList() {
    assertThat(new PageRequest(0, 3).of(SEVEN)).containsExactly(0, 1, 2);
    assertThat(new PageRequest(2, 3).of(SEVEN)).containsExactly(6);
    assertThat(new PageRequest(3, 3).of(SEVEN)).isEmpty();
    assertThat(new PageRequest(2, 3).offset()).isEqualTo(6);
  }
}
