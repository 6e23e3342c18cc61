package io.regulus.batch.templateimport;

import io.regulus.access.SystemCaller;
import io.regulus.template.imports.TemplateImportSteps;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the file's items for staging: the domain spools them (one JSON line each) into a temporary
 * file of this node, read on from the last checkpoint (the number of items staged), so a restart on
 * any node goes on where the last committed chunk ended.
 */
@Named
@Dependent
public class TemplateImportReader extends AbstractItemReader {

  /** One spooled item and its position in the file. */
  record Item(int seq, String json) implements Serializable {}

  @Inject private JobContext job;
  @Inject private TemplateImportSteps steps;

  private Path spool;
  private BufferedReader lines;
  private int position;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    long id = ImportId.of(job);
    spool = Files.createTempFile("regulus-import-" + id + "-", ".jsonl");
    steps.spool(SystemCaller.TEMPLATE_IMPORT, id, spool);
    lines = Files.newBufferedReader(spool, StandardCharsets.UTF_8);
    position = checkpoint == null ? 0 : (Integer) checkpoint;
    for (int i = 0; i < position; i++) {
      lines.readLine();
    }
  }

  @Override
  public Object readItem() throws Exception {
    String line = lines.readLine();
    return line == null ? null : new Item(position++, line);
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }

  @Override
  public void close() throws Exception {
    if (lines != null) {
      lines.close();
    }
    if (spool != null) {
      Files.deleteIfExists(spool);
    }
  }
}
