package io.regulus.it;

import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.TemplateContent;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.exchange.TemplateHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A large template workbook in Compliance Manager's layout, written by the application's own
 * writer: the import's restart test and its benchmark read it.
 */
public final class GeneratedWorkbook {

  private GeneratedWorkbook() {}

  /** A generated workbook: each control maps its own action and the one before it. */
  public static byte[] of(int actions) throws IOException {
    List<ExchangeAction> all =
        IntStream.range(0, actions)
            .mapToObj(
                i ->
                    new ExchangeAction(
                        "generated-action-" + i,
                        "Generated action " + i,
                        i % 3 == 0 ? "TECHNICAL" : "OPERATIONAL",
                        1 + i % 99,
                        "Implementation",
                        "Do the generated thing number " + i + ".",
                        "Manage compliance",
                        null,
                        "CUSTOMER",
                        Map.of("Owner", "Team " + i % 7)))
            .toList();
    List<ExchangeControl> controls =
        IntStream.range(0, actions)
            .mapToObj(
                i ->
                    new ExchangeControl(
                        "G-" + i,
                        "Family " + i % 20,
                        "Generated control " + i,
                        "The generated requirement " + i + ".",
                        true,
                        "PREVENTATIVE",
                        i == 0
                            ? List.of("generated-action-0")
                            : List.of("generated-action-" + i, "generated-action-" + (i - 1))))
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TemplateFormat.EXCEL
        .writer()
        .write(
            new TemplateContent(
                "generated",
                "1",
                new TemplateHeader("Generated", "Generated", null, Map.of(), List.of()),
                all,
                controls),
            out);
    return out.toByteArray();
  }
}
