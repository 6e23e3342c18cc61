package io.regulus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The partitions of a recomputation: decided at the start, kept by every tenant on restart. */
class TenantPartitionsTest {

  private static List<String> tenants(int count) {
    return IntStream.range(0, count).mapToObj(i -> "tenant-" + i).toList();
  }

  private static Map<String, Integer> partitionOf(List<List<String>> slices) {
    Map<String, Integer> partitions = new HashMap<>();
    for (int i = 0; i < slices.size(); i++) {
      for (String slug : slices.get(i)) {
        partitions.put(slug, i);
      }
    }
    return partitions;
  }

  @Test
  void partitionsTakeTheSizeOnAverageAndNeverFewerThanOne() {
    assertThat(TenantPartitions.partitions(0, 50)).isEqualTo(1);
    assertThat(TenantPartitions.partitions(50, 50)).isEqualTo(1);
    assertThat(TenantPartitions.partitions(51, 50)).isEqualTo(2);
    assertThat(TenantPartitions.partitions(1000, 50)).isEqualTo(20);
    assertThat(TenantPartitions.partitions(7, 0)).isEqualTo(7);
  }

  @Test
  void everyTenantIsInExactlyOnePartitionInSlugOrder() {
    List<String> tenants = tenants(1000);
    List<List<String>> slices = TenantPartitions.slices(tenants, 20);
    assertThat(slices).hasSize(20);
    List<String> all = new ArrayList<>();
    slices.forEach(all::addAll);
    assertThat(all).containsExactlyInAnyOrderElementsOf(tenants);
    for (List<String> slice : slices) {
      assertThat(slice).isSorted();
      // spread evenly enough: no partition holds twice its share or less than half of it
      assertThat(slice.size()).isBetween(25, 100);
    }
  }

  @Test
  void aTenantAddedOrSuspendedBeforeARestartMovesNoOtherTenant() {
    List<String> before = tenants(300);
    Map<String, Integer> first = partitionOf(TenantPartitions.slices(before, 6));
    List<String> after = new ArrayList<>(before);
    after.remove("tenant-17");
    after.remove("tenant-250");
    after.add("tenant-a-new-one");
    after.add("aaa-first-in-slug-order");
    Map<String, Integer> restart = partitionOf(TenantPartitions.slices(after, 6));
    for (String slug : after) {
      if (first.containsKey(slug)) {
        assertThat(restart.get(slug)).as(slug).isEqualTo(first.get(slug));
      }
    }
    assertThat(restart).doesNotContainKeys("tenant-17", "tenant-250");
  }
}
