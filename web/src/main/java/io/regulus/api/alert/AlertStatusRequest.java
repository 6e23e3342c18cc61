package io.regulus.api.alert;

/** An alert's next status (ACTIVE, INVESTIGATING, RESOLVED or DISMISSED) and why. */
public record AlertStatusRequest(String status, String comment) {}
