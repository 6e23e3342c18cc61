package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Eight threads drive four tenants at once, each thread switching tenant on every request, so
 * entity managers of different tenants are created at the same moment (EclipseLink's issue 2406
 * livelocked there). Every round must finish within its bound, and every row must land in its own
 * tenant's schema only.
 */
class ConcurrentTenantsIT {

  private static final int THREADS = 8;
  private static final int REQUESTS_PER_THREAD = 6;
  private static final List<String> TENANTS = new ArrayList<>();
  private static final Map<String, String> ADMINS = new java.util.HashMap<>();
  private static ExecutorService pool;

  @BeforeAll
  static void provisionTenantsWithAnAdminEach() {
    String operator = KeycloakClient.token("olivia");
    for (int i = 0; i < 4; i++) {
      String slug = Api.unique("conc");
      Api.as(operator).body(Map.of("slug", slug)).post("/platform/tenants").then().statusCode(201);
      TENANTS.add(slug);
      ADMINS.put(slug, KeycloakClient.createMember(slug, "admin"));
    }
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @RepeatedTest(20)
  void eightThreadsOverFourTenantsFinishAndStayIsolated() {
    Map<String, String> tokens = new java.util.HashMap<>();
    TENANTS.forEach(tenant -> tokens.put(tenant, KeycloakClient.token(ADMINS.get(tenant))));
    List<Map.Entry<String, String>> created =
        java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);

    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          List<Future<?>> threads = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(
                pool.submit(
                    () -> {
                      start.await();
                      for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                        String tenant = TENANTS.get((thread + r) % TENANTS.size());
                        String name = Api.unique("t" + thread + "r" + r);
                        long id =
                            Api.as(tokens.get(tenant))
                                .body(Map.of("name", name))
                                .post("/tenants/" + tenant + "/assessment-groups")
                                .then()
                                .statusCode(201)
                                .extract()
                                .<Integer>path("id")
                                .longValue();
                        Api.as(tokens.get(tenant))
                            .get("/tenants/" + tenant + "/assessment-groups/" + id)
                            .then()
                            .statusCode(200);
                        created.add(Map.entry(tenant, name));
                      }
                      return null;
                    }));
          }
          start.countDown();
          for (Future<?> thread : threads) {
            thread.get();
          }
        });

    assertThat(created).hasSize(THREADS * REQUESTS_PER_THREAD);
    for (Map.Entry<String, String> row : created) {
      for (String tenant : TENANTS) {
        String schema = "tenant_" + tenant.replace('-', '_');
        assertThat(
                TestDatabase.count(
                    "SELECT count(*) FROM " + schema + ".assessment_group WHERE name = ?",
                    row.getValue()))
            .as("%s in %s", row.getValue(), schema)
            .isEqualTo(tenant.equals(row.getKey()) ? 1 : 0);
      }
    }
  }
}
