package io.regulus.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.notification.Digest.WaitingNotice;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 6);
  private static final String URL = "https://regulus.example";

  private static WaitingNotice notice(long id, String tenant, NoticeKind kind, String subject) {
    return new WaitingNotice(
        id, tenant, kind, subject, "/app/action.xhtml?tenant=" + tenant + "&id=" + id);
  }

  @Test
  void groupsByTenantThenKindInTheKindsOrderWhateverTheOrderTheyCameIn() {
    Digest digest =
        Digest.of(
            DAY,
            List.of(
                notice(1, "globex", NoticeKind.OVERDUE, "G overdue"),
                notice(2, "acme", NoticeKind.OVERDUE, "A overdue"),
                notice(3, "acme", NoticeKind.ASSIGNMENT, "A assigned"),
                notice(4, "globex", NoticeKind.ASSIGNMENT, "G assigned"),
                notice(5, "acme", NoticeKind.ASSIGNMENT, "A assigned too")),
            Set.of(),
            URL);

    assertThat(digest.lines()).extracting(WaitingNotice::id).containsExactly(3L, 5L, 2L, 4L, 1L);
    String text = digest.text();
    assertThat(text.indexOf("Organisation acme")).isLessThan(text.indexOf("Organisation globex"));
    assertThat(text.indexOf("A assigned too")).isLessThan(text.indexOf("A overdue"));
    assertThat(text).contains("  - A overdue\n    " + URL + "/app/action.xhtml?tenant=acme&id=2");
    assertThat(digest.subject()).isEqualTo("Regulus: 5 notices for 2026-12-06");
  }

  @Test
  void dropsTheKindsTurnedOffAndIsEmptyWhenNothingIsLeft() {
    List<WaitingNotice> notices =
        List.of(
            notice(1, "acme", NoticeKind.DUE_SOON, "soon"),
            notice(2, "acme", NoticeKind.ASSIGNMENT, "assigned"));

    Digest some = Digest.of(DAY, notices, Set.of(NoticeKind.DUE_SOON), URL);
    assertThat(some.lines()).extracting(WaitingNotice::id).containsExactly(2L);
    assertThat(some.text()).doesNotContain("soon").doesNotContain("Due soon");
    assertThat(some.subject()).isEqualTo("Regulus: 1 notice for 2026-12-06");

    Digest none = Digest.of(DAY, notices, Set.of(NoticeKind.DUE_SOON, NoticeKind.ASSIGNMENT), URL);
    assertThat(none.empty()).isTrue();
  }

  @Test
  void escapesTheHtmlBodyAndPutsNoticesOfNoTenantLast() {
    Digest digest =
        Digest.of(
            DAY,
            List.of(
                new WaitingNotice(1, null, NoticeKind.ALERT, "Firm <b>alert</b>", null),
                notice(2, "acme", NoticeKind.ALERT, "A & B")),
            Set.of(),
            URL);

    assertThat(digest.html())
        .contains("Firm &lt;b&gt;alert&lt;/b&gt;")
        .contains(">A &amp; B</a>")
        .doesNotContain("<b>alert");
    assertThat(digest.lines()).extracting(WaitingNotice::id).containsExactly(2L, 1L);
    assertThat(digest.text()).contains("Elsewhere");
  }
}
