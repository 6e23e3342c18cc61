package io.regulus.notification;

import java.time.LocalDate;

/**
 * What a run of the daily digest did.
 *
 * @param tenantsScanned the active tenants whose due dates and evidence were looked at
 * @param tenantsFailed those whose scan failed (logged; their notices come with the next run)
 * @param noticesPosted the notices the scans posted
 * @param mailsQueued the digest mails queued in the outbox (one per person with something to say)
 * @param noticesCarried the notices those mails carry
 * @param noticesDropped the notices of kinds their people turned off, or of people without an
 *     address, marked digested without a mail
 */
public record DigestRun(
    LocalDate day,
    int tenantsScanned,
    int tenantsFailed,
    int noticesPosted,
    int mailsQueued,
    int noticesCarried,
    int noticesDropped) {}
