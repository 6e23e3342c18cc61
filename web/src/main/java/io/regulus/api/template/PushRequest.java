package io.regulus.api.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A push of a firm template's latest version (or its preview): the template's key and the clients
 * (tenant slugs) to reach; none named means every client of the firm.
 */
public record PushRequest(
    @NotBlank @Size(max = 60) String template, @Size(max = 5000) List<String> clients) {}
