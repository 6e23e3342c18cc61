package io.regulus.notification;

import java.time.Instant;

/**
 * A mail of the outbox as an operator sees it (without its body).
 *
 * @param messageId the Message-ID every attempt sends, so a receiver can drop a second copy
 * @param nextAttemptAt when it is tried next; null once sent or failed for good
 * @param lastError why the latest failed attempt failed
 */
public record OutboxMail(
    long id,
    String recipient,
    String subject,
    String messageId,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    Instant sentAt,
    String lastError,
    OutboxState state) {}
