package io.regulus.batch.scorerecompute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoreRecomputePartitionerTest {

  private static List<String> tenants(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("t-%04d", i)).toList();
  }

  private static List<Integer> sizes(List<List<String>> slices) {
    return slices.stream().map(List::size).toList();
  }

  @Test
  void partitionsComeInAMultipleOfTheThreadsWithTheTenantsSpreadEvenly() {
    assertThat(sizes(ScoreRecomputePartitioner.slices(tenants(250), 4)))
        .containsExactly(31, 31, 31, 32, 31, 31, 31, 32);
    assertThat(ScoreRecomputePartitioner.slices(tenants(500), 4)).hasSize(12);
    assertThat(sizes(ScoreRecomputePartitioner.slices(tenants(1000), 4)))
        .hasSize(20)
        .containsOnly(50);
  }

  @Test
  void everyTenantIsInOnePartitionInOrderAndNoneTakesMoreThanFifty() {
    for (int count : List.of(1, 3, 49, 51, 199, 250, 1001)) {
      for (int threads : List.of(1, 2, 4, 8)) {
        List<List<String>> slices = ScoreRecomputePartitioner.slices(tenants(count), threads);
        List<String> all = new ArrayList<>();
        slices.forEach(all::addAll);
        assertThat(all).isEqualTo(tenants(count));
        assertThat(slices).allSatisfy(slice -> assertThat(slice).isNotEmpty().hasSizeLessThan(51));
        assertThat(slices.size() % Math.min(threads, count)).isZero();
      }
    }
  }

  @Test
  void fewerTenantsThanThreadsTakeOneEachAndNoTenantIsOneEmptyPartition() {
    assertThat(sizes(ScoreRecomputePartitioner.slices(tenants(3), 4))).containsExactly(1, 1, 1);
    assertThat(sizes(ScoreRecomputePartitioner.slices(List.of(), 4))).containsExactly(0);
  }
}
