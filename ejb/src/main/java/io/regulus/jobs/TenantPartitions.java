package io.regulus.jobs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Which partition of a job over every tenant (the score recomputation, the reports) takes which
 * tenant. The number of partitions is decided once, when a run starts (from the active tenants and
 * the partition size), and kept in the run's parameters; a tenant's partition is then a function of
 * its slug alone. A restart lists the active tenants again, yet every tenant stays in the partition
 * it had: a partition that completed is not run again, and a tenant added or suspended since shifts
 * no other tenant.
 */
public final class TenantPartitions {

  private TenantPartitions() {}

  /** How many partitions take {@code tenants} tenants, {@code size} to a partition on average. */
  public static int partitions(int tenants, int size) {
    int perPartition = Math.max(1, size);
    return Math.max(1, (tenants + perPartition - 1) / perPartition);
  }

  /**
   * The tenants of each of the {@code partitions} partitions, each in slug order: a tenant goes to
   * the partition its slug's CRC-32 names, whatever the other tenants are.
   */
  public static List<List<String>> slices(List<String> tenants, int partitions) {
    List<List<String>> slices = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      slices.add(new ArrayList<>());
    }
    tenants.stream().sorted().forEach(slug -> slices.get(partition(slug, partitions)).add(slug));
    return slices;
  }

  /** The partition of a tenant among {@code partitions}. */
  public static int partition(String slug, int partitions) {
    CRC32 crc = new CRC32();
    crc.update(slug.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }
}
