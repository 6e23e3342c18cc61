package io.regulus.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One person's daily digest: their waiting notices of the kinds they keep on, grouped by tenant
 * (slug order; notices of no tenant last) and within a tenant by kind (in {@link NoticeKind}'s
 * order), each line its subject and the absolute link to its page, as a plain text and an HTML
 * body. A pure function of its input: the digest job reads the notices, this writes the mail.
 *
 * @param lines the notices it carries, in the order shown
 */
public record Digest(String subject, String text, String html, List<WaitingNotice> lines) {

  /** A notice waiting for its person's digest, as the digest reads it. */
  public record WaitingNotice(
      long id, String tenantSlug, NoticeKind kind, String subject, String link) {}

  /**
   * The digest of {@code notices} without the kinds turned {@code off}; empty lines when none is
   * left (no mail is sent then).
   *
   * @param publicUrl where browsers reach Regulus, without a trailing slash: a relative link is
   *     made absolute against it
   */
  public static Digest of(
      LocalDate day, List<WaitingNotice> notices, Set<NoticeKind> off, String publicUrl) {
    Map<String, Map<NoticeKind, List<WaitingNotice>>> byTenant =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (WaitingNotice notice : notices) {
      if (!off.contains(notice.kind())) {
        byTenant
            .computeIfAbsent(notice.tenantSlug(), t -> new EnumMap<>(NoticeKind.class))
            .computeIfAbsent(notice.kind(), k -> new ArrayList<>())
            .add(notice);
      }
    }
    List<WaitingNotice> shown = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<html><body>");
    text.append("Your Regulus digest of ").append(day).append("\n");
    html.append("<h1>Your Regulus digest of ").append(day).append("</h1>");
    byTenant.forEach(
        (tenant, kinds) -> {
          String place = tenant == null ? "Elsewhere" : "Organisation " + tenant;
          text.append("\n").append(place).append("\n");
          html.append("<h2>").append(escape(place)).append("</h2>");
          kinds.forEach(
              (kind, lines) -> {
                text.append("  ").append(heading(kind)).append("\n");
                html.append("<h3>").append(heading(kind)).append("</h3><ul>");
                for (WaitingNotice line : lines) {
                  String link = absolute(line.link(), publicUrl);
                  text.append("  - ").append(line.subject());
                  html.append("<li>");
                  if (link == null) {
                    html.append(escape(line.subject()));
                  } else {
                    text.append("\n    ").append(link);
                    html.append("<a href=\"")
                        .append(escape(link))
                        .append("\">")
                        .append(escape(line.subject()))
                        .append("</a>");
                  }
                  text.append("\n");
                  html.append("</li>");
                  shown.add(line);
                }
                html.append("</ul>");
              });
        });
    String settings = publicUrl + "/app/notifications.xhtml";
    text.append("\nChoose which notices you are mailed: ").append(settings).append("\n");
    html.append("<p><a href=\"")
        .append(escape(settings))
        .append("\">Choose which notices you are mailed</a></p></body></html>");
    String subject =
        "Regulus: " + shown.size() + (shown.size() == 1 ? " notice" : " notices") + " for " + day;
    return new Digest(subject, text.toString(), html.toString(), List.copyOf(shown));
  }

  /** Whether there is anything to send. */
  public boolean empty() {
    return lines.isEmpty();
  }

  /** The heading of a kind's lines. */
  static String heading(NoticeKind kind) {
    return switch (kind) {
      case ASSIGNMENT -> "Assigned to you";
      case DUE_SOON -> "Due soon";
      case OVERDUE -> "Overdue";
      case EVIDENCE_EXPIRING -> "Evidence expiring";
      case ALERT -> "Alerts";
    };
  }

  private static String absolute(String link, String publicUrl) {
    if (link == null || link.isBlank()) {
      return null;
    }
    return link.startsWith("/") ? publicUrl + link : link;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
