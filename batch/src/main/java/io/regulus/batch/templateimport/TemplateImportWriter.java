package io.regulus.batch.templateimport;

import io.regulus.access.SystemCaller;
import io.regulus.template.imports.TemplateImportSteps;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Stages a chunk of items in the chunk's transaction, with its checkpoint. */
@Named
@Dependent
public class TemplateImportWriter extends AbstractItemWriter {

  @Inject private JobContext job;
  @Inject private TemplateImportSteps steps;

  @Override
  public void writeItems(List<Object> items) {
    List<TemplateImportReader.Item> chunk =
        items.stream().map(TemplateImportReader.Item.class::cast).toList();
    steps.stage(
        SystemCaller.TEMPLATE_IMPORT,
        ImportId.of(job),
        chunk.get(0).seq(),
        chunk.stream().map(TemplateImportReader.Item::json).toList());
  }
}
