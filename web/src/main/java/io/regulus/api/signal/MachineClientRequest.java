package io.regulus.api.signal;

import jakarta.validation.constraints.Size;

/** A new machine client: a name people recognise it by (optional; its id when absent). */
public record MachineClientRequest(@Size(max = 100) String name) {}
