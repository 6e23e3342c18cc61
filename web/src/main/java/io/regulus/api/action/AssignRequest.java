package io.regulus.api.action;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Assign actions in bulk: every listed action (all or none) to the member {@code userId} (null
 * unassigns), for {@code for} implementation (default) or testing.
 */
public record AssignRequest(
    @NotEmpty @Size(max = 5000) List<@NotNull Long> actionIds,
    @Size(max = 64) String userId,
    @jakarta.json.bind.annotation.JsonbProperty("for") String purpose) {}
