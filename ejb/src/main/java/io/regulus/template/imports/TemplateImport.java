package io.regulus.template.imports;

import io.regulus.template.exchange.ImportProblem;
import java.time.Instant;
import java.util.List;

/**
 * One import as its owner sees it: its file, where it stands, its progress, and every problem found
 * in its file (or the reason it failed).
 *
 * @param itemsTotal the file's actions and controls, known once it is validated
 * @param itemsRead items read into staging so far
 * @param itemsWritten items staged (committed) so far
 * @param percent the whole import's progress, 0..100
 * @param problems the file's problems (at most {@link TemplateImports#PROBLEMS_KEPT})
 * @param problemCount every problem found, also those not kept
 * @param notices what was skipped without being wrong (withdrawn OSCAL controls)
 * @param stopRequested its owner asked it to stop (a stop without it is the server's shutdown)
 * @param publishedVersion the version published, once PUBLISHED
 */
public record TemplateImport(
    long id,
    ImportOwner owner,
    String templateKey,
    String versionLabel,
    String format,
    String fileName,
    long fileBytes,
    String fileSha256,
    ImportStatus status,
    ImportStep step,
    int itemsTotal,
    int itemsRead,
    int itemsWritten,
    int percent,
    List<ImportProblem> problems,
    int problemCount,
    List<ImportProblem> notices,
    Long executionId,
    boolean stopRequested,
    String publishedVersion,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
