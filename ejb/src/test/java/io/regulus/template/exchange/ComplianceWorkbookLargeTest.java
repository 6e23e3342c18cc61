package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template of 50,000 actions streams both ways: written with SXSSF and read with SAX, with only
 * keys held. The heap figure printed here is loose (the benchmark measures it properly).
 */
class ComplianceWorkbookLargeTest {

  @Test
  void fiftyThousandActionsAreWrittenAndReadAsAStream(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      new ComplianceWorkbookWriter()
          .write(
              BigWorkbookContent.of(
                  50_000, "Describe how the action is done, with enough words to be real. "),
              out);
    }
    Counting sink = new Counting();
    System.gc();
    long before = usedHeap();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      new ComplianceWorkbookReader().read(in, ImportOptions.DEFAULTS, sink);
    }

    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum();
    System.out.printf(
        "50,000 actions, %d KB workbook, read in %d ms: heap used %d MB before, %d MB live at"
            + " the last control, %d MB at the peak (garbage included)%n",
        Files.size(file) >> 10,
        (System.nanoTime() - start) / 1_000_000,
        before >> 20,
        sink.live >> 20,
        peak >> 20);
    assertThat(sink.problems).isZero();
    assertThat(sink.actions).isEqualTo(50_000);
    assertThat(sink.controls).isEqualTo(10_000);
    assertThat(sink.mappings).isEqualTo(10_000 * 5);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Counts, holding nothing. */
  private static final class Counting implements TemplateSink {
    private int actions;
    private int controls;
    private int problems;
    private int mappings;
    private long live;

    @Override
    public void header(TemplateHeader header) {}

    @Override
    public void action(ExchangeAction action) {
      actions++;
    }

    @Override
    public void control(ExchangeControl control) {
      if (++controls == 10_000) {
        // what the reader holds at its fullest: every action key, every control name
        System.gc();
        live = usedHeap();
      }
      mappings += control.actionKeys().size();
    }

    @Override
    public void problem(ImportProblem problem) {
      problems++;
      System.out.println(problem);
    }
  }
}
