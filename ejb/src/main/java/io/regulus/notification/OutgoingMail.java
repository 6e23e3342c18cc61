package io.regulus.notification;

import java.util.Objects;

/** A mail to queue: one recipient, a subject, and the same content as plain text and as HTML. */
public record OutgoingMail(String recipient, String subject, String text, String html) {

  public OutgoingMail {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }
}
