package io.regulus.template.exchange;

/**
 * A published template version as an export streams it: its header, then its actions and its
 * controls, each in the version's order. The iterables may be read once only.
 */
public record TemplateContent(
    String key,
    String version,
    TemplateHeader header,
    Iterable<ExchangeAction> actions,
    Iterable<ExchangeControl> controls) {}
