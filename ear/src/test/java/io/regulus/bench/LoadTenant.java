package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A tenant of the load test: provisioned, with its admin ({@link TenantAdmin}), built after {@link
 * #PLAN}; the actions its writes may touch are those without statuses of their own
 * (NOT_IMPLEMENTED) that do not follow a parent, in id order, as they were before the run.
 */
record LoadTenant(TenantAdmin admin, int instances, List<WriteLedger.Target> targets) {

  /** One group: GDPR and a private template of 200 actions (360 instances). */
  static final BenchTenant.Plan PLAN =
      new BenchTenant.Plan(
          List.of(new BenchTenant.Group("FY2027", "main product", List.of("gdpr"), true)),
          200,
          true);

  /** The largest page the API answers. */
  private static final int PAGE = 500;

  /**
   * Provisions and builds {@code count} tenants ({@code <prefix>-01}, ...), {@code parallel} at a
   * time.
   */
  static List<LoadTenant> buildAll(
      HttpClient http,
      BenchSettings settings,
      TenantApi platform,
      String prefix,
      int count,
      int parallel)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<LoadTenant>> futures = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String slug = String.format("%s-%02d", prefix, i);
        futures.add(pool.submit(() -> build(TenantAdmin.create(http, settings, platform, slug))));
      }
      List<LoadTenant> built = new ArrayList<>();
      for (Future<LoadTenant> future : futures) {
        built.add(future.get());
      }
      return built;
    } finally {
      pool.shutdownNow();
    }
  }

  private static LoadTenant build(TenantAdmin admin) {
    BenchTenant tenant = new BenchTenant(admin.api(), admin.tenant(), PLAN);
    tenant.build();
    List<JsonNode> instances = tenant.instances();
    List<WriteLedger.Target> targets =
        instances.stream()
            .filter(
                i ->
                    !BenchTenant.follower(i)
                        && "NOT_IMPLEMENTED".equals(i.path("implementationStatus").asText()))
            .sorted(Comparator.comparingLong(i -> i.path("id").asLong()))
            .map(
                i ->
                    new WriteLedger.Target(
                        admin.tenant(),
                        i.path("id").asLong(),
                        i.path("version").asLong(),
                        i.path("implementationStatus").asText(),
                        i.path("notes").asText(null)))
            .toList();
    return new LoadTenant(admin, instances.size(), targets);
  }

  JsonNode action(long id) {
    return admin.api().get(admin.path() + "/actions/" + id);
  }

  /** An action's whole history, page by page (a page holds at most 500 entries). */
  JsonNode history(long id) {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    for (int page = 0; ; page++) {
      JsonNode entries =
          admin
              .api()
              .get(admin.path() + "/actions/" + id + "/history?size=" + PAGE + "&page=" + page);
      entries.forEach(all::add);
      if (entries.size() < PAGE) {
        return all;
      }
    }
  }
}
