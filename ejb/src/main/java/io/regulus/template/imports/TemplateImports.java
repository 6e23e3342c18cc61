package io.regulus.template.imports;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.spreadsheet.LimitedInput;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.TemplateHeader;
import io.regulus.tenancy.LargeObjects;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The imports of {@code platform.template_import}, their files (large objects) and their staged
 * items. The only class of the import that touches their tables.
 */
@ApplicationScoped
public class TemplateImports {

  /** The problems an import keeps to show; it counts them all. */
  static final int PROBLEMS_KEPT = ImportCheck.KEPT;

  private static final String COLUMNS =
      "i.id, i.owner_kind, t.slug AS tenant_slug, f.slug AS firm_slug, i.template_key,"
          + " i.version_label, i.format, i.file_name, i.file_bytes, i.file_sha256, i.status, i.step,"
          + " i.items_total, i.items_read, i.items_written, i.problems::text AS problems,"
          + " i.problem_count, i.notices::text AS notices, i.execution_id, i.stop_requested, i.published_version,"
          + " i.created_by, i.created_at, i.updated_at FROM platform.template_import i"
          + " LEFT JOIN platform.tenant t ON t.id = i.tenant_id"
          + " LEFT JOIN platform.firm f ON f.id = i.firm_id";

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  /**
   * Stores the uploaded file and records the import, in a transaction of its own (the job that is
   * started next must see it). A file longer than {@code maxBytes} is refused at the first byte
   * past the limit, and nothing is kept.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long create(
      ImportOwner owner,
      TemplateImportRequest request,
      String options,
      String createdBy,
      InputStream file,
      long maxBytes) {
    try (Connection connection = dataSource.getConnection()) {
      long oid = LargeObjects.create(connection);
      MessageDigest sha256 = sha256();
      long size;
      try (OutputStream out =
          new DigestOutputStream(LargeObjects.writer(connection, oid), sha256)) {
        size = new LimitedInput(file, "the template file", maxBytes).transferTo(out);
      } catch (LimitedInput.Exceeded tooLarge) {
        throw new DomainException(
            ProblemKind.PAYLOAD_TOO_LARGE,
            "The template file is larger than "
                + maxBytes
                + " bytes (REGULUS_TEMPLATE_IMPORT_MAX_BYTES). Nothing was imported: split the"
                + " template, or ask the operator to raise the limit.");
      }
      if (size == 0) {
        throw new DomainException(
            ProblemKind.INVALID_INPUT,
            "The template file is empty: send the workbook or the OSCAL JSON as the request body.",
            "file");
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO platform.template_import (owner_kind, tenant_id, firm_id, template_key,"
                  + " version_label, format, file_name, file_oid, file_bytes, file_sha256, options,"
                  + " status, step, created_by, created_at, updated_at) VALUES (?,"
                  + " (SELECT id FROM platform.tenant WHERE slug = ?),"
                  + " (SELECT id FROM platform.firm WHERE slug = ?), ?, ?, ?, ?, CAST(? AS oid), ?,"
                  + " ?, CAST(? AS jsonb), 'QUEUED', 'VALIDATE', ?, now(), now()) RETURNING id")) {
        insert.setString(1, owner.kind().name());
        insert.setString(2, owner.tenant());
        insert.setString(3, owner.firm());
        insert.setString(4, request.key());
        insert.setString(5, request.version());
        insert.setString(6, request.format().name());
        insert.setString(7, request.fileName());
        insert.setLong(8, oid);
        insert.setLong(9, size);
        insert.setString(10, HexFormat.of().formatHex(sha256.digest()));
        insert.setString(11, options);
        insert.setString(12, createdBy);
        try (ResultSet id = insert.executeQuery()) {
          id.next();
          return id.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the template file", e);
    } catch (IOException e) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The upload of the template file broke off before its end ("
              + e.getMessage()
              + "). Nothing was imported: send it again.",
          "file");
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void started(long id, long executionId) {
    update(
        "UPDATE platform.template_import SET execution_id = ?, updated_at = now() WHERE id = ?",
        executionId,
        id);
  }

  /** Its owner asked the import to stop: when its job stops, nothing of it is kept. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void stopRequested(long id) {
    update(
        "UPDATE platform.template_import SET stop_requested = true, updated_at = now() WHERE id = ?",
        id);
  }

  /** A failed import's job restarted: running again, its failure no longer its news. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void restarted(long id, long executionId) {
    update(
        "UPDATE platform.template_import SET execution_id = ?, status = 'RUNNING',"
            + " problems = '[]', updated_at = now() WHERE id = ? AND status = 'FAILED'",
        executionId,
        id);
  }

  public Optional<TemplateImport> find(long id) {
    return query("SELECT " + COLUMNS + " WHERE i.id = ?", id).stream().findFirst();
  }

  /** The owner's imports, newest first. */
  public List<TemplateImport> of(ImportOwner owner, int limit) {
    return switch (owner.kind()) {
      case GLOBAL ->
          query(
              "SELECT " + COLUMNS + " WHERE i.owner_kind = 'GLOBAL' ORDER BY i.id DESC LIMIT ?",
              limit);
      case TENANT ->
          query(
              "SELECT " + COLUMNS + " WHERE t.slug = ? ORDER BY i.id DESC LIMIT ?",
              owner.tenant(),
              limit);
      case FIRM ->
          query(
              "SELECT " + COLUMNS + " WHERE f.slug = ? ORDER BY i.id DESC LIMIT ?",
              owner.firm(),
              limit);
    };
  }

  /** The import's options as stored. */
  String options(long id) {
    return single("SELECT options::text FROM platform.template_import WHERE id = ?", id);
  }

  TemplateHeader header(long id) {
    String json = single("SELECT header::text FROM platform.template_import WHERE id = ?", id);
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return ItemJson.header(reader.readObject());
    }
  }

  /** Reads the uploaded file with {@code reading}, in the caller's transaction. */
  <T> T readFile(long id, Function<InputStream, T> reading) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT file_oid, file_bytes FROM platform.template_import WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet file = select.executeQuery()) {
        if (!file.next() || file.getObject(1) == null) {
          throw new IllegalStateException("import " + id + " has no file any more");
        }
        try (InputStream in = LargeObjects.reader(connection, file.getLong(1), file.getLong(2))) {
          return reading.apply(in);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the file of import " + id, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void step(long id, ImportStatus status, ImportStep step) {
    update(
        "UPDATE platform.template_import SET status = ?, step = ?, updated_at = now() WHERE id = ?",
        status.name(),
        step.name(),
        id);
  }

  void validated(
      long id,
      TemplateHeader header,
      int items,
      List<ImportProblem> problems,
      int problemCount,
      List<ImportProblem> notices) {
    update(
        "UPDATE platform.template_import SET header = CAST(? AS jsonb), items_total = ?,"
            + " problems = CAST(? AS jsonb), problem_count = ?, notices = CAST(? AS jsonb),"
            + " updated_at = now() WHERE id = ?",
        header == null ? null : ItemJson.header(header).toString(),
        items,
        ItemJson.problems(problems).toString(),
        problemCount,
        ItemJson.problems(notices).toString(),
        id);
  }

  /** Stages items from {@code firstSeq} on; a restarted chunk writes the same rows again. */
  void stage(long id, int firstSeq, List<String> items) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO platform.template_import_item (import_id, seq, kind, payload)"
                    + " VALUES (?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING")) {
      int seq = firstSeq;
      for (String item : items) {
        insert.setLong(1, id);
        insert.setInt(2, seq++);
        insert.setString(3, item.contains("\"kind\":\"ACTION\"") ? "ACTION" : "CONTROL");
        insert.setString(4, item);
        insert.addBatch();
      }
      insert.executeBatch();
      try (PreparedStatement progress =
          connection.prepareStatement(
              "UPDATE platform.template_import SET items_read = ?, items_written = ?,"
                  + " updated_at = now() WHERE id = ?")) {
        progress.setInt(1, seq);
        progress.setInt(2, seq);
        progress.setLong(3, id);
        progress.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not stage items of import " + id, e);
    }
  }

  /** How many items of the import are staged. */
  long staged(long id) {
    return Long.parseLong(
        single("SELECT count(*) FROM platform.template_import_item WHERE import_id = ?", id));
  }

  /** Ends an import: its status, the published version if any; staged items and file go. */
  void finish(long id, ImportStatus status, ImportStep step, String publishedVersion) {
    try (Connection connection = dataSource.getConnection()) {
      dropContent(connection, id);
      try (PreparedStatement end =
          connection.prepareStatement(
              "UPDATE platform.template_import SET status = ?, step = ?, published_version = ?,"
                  + " file_oid = NULL, updated_at = now() WHERE id = ?")) {
        end.setString(1, status.name());
        end.setString(2, step.name());
        end.setString(3, publishedVersion);
        end.setLong(4, id);
        end.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not end import " + id, e);
    }
  }

  /** Records a failure (the server stopped, a step failed): restartable, its staging kept. */
  void failed(long id, String reason) {
    update(
        "UPDATE platform.template_import SET status = 'FAILED', problems = CAST(? AS jsonb),"
            + " updated_at = now() WHERE id = ?",
        ItemJson.problems(List.of(ImportProblem.ofFile(reason))).toString(),
        id);
  }

  private static void dropContent(Connection connection, long id) throws SQLException {
    try (PreparedStatement items =
        connection.prepareStatement(
            "DELETE FROM platform.template_import_item WHERE import_id = ?")) {
      items.setLong(1, id);
      items.executeUpdate();
    }
    try (PreparedStatement file =
        connection.prepareStatement(
            "SELECT lo_unlink(file_oid) FROM platform.template_import WHERE id = ? AND file_oid IS NOT NULL")) {
      file.setLong(1, id);
      file.execute();
    }
  }

  private List<TemplateImport> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = prepare(connection, sql, parameters);
        ResultSet rows = select.executeQuery()) {
      List<TemplateImport> imports = new ArrayList<>();
      while (rows.next()) {
        imports.add(row(rows));
      }
      return imports;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read template imports", e);
    }
  }

  private static TemplateImport row(ResultSet row) throws SQLException {
    ImportOwner owner =
        new ImportOwner(
            ImportOwner.Kind.valueOf(row.getString("owner_kind")),
            row.getString("tenant_slug"),
            row.getString("firm_slug"));
    ImportStep step = ImportStep.valueOf(row.getString("step"));
    int total = row.getInt("items_total");
    ImportStatus status = ImportStatus.valueOf(row.getString("status"));
    int percent =
        status == ImportStatus.PUBLISHED
            ? 100
            : step == ImportStep.VALIDATE
                ? ImportStep.VALIDATE.percent(0, 1)
                : step.percent(row.getInt("items_written"), total);
    return new TemplateImport(
        row.getLong("id"),
        owner,
        row.getString("template_key"),
        row.getString("version_label"),
        row.getString("format"),
        row.getString("file_name"),
        row.getLong("file_bytes"),
        row.getString("file_sha256"),
        status,
        step,
        total,
        row.getInt("items_read"),
        row.getInt("items_written"),
        percent,
        ItemJson.problems(array(row.getString("problems"))),
        row.getInt("problem_count"),
        ItemJson.problems(array(row.getString("notices"))),
        (Long) row.getObject("execution_id"),
        row.getBoolean("stop_requested"),
        row.getString("published_version"),
        row.getString("created_by"),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("updated_at").toInstant());
  }

  private static jakarta.json.JsonArray array(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  private String single(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = prepare(connection, sql, parameters);
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read a template import", e);
    }
  }

  private void update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = prepare(connection, sql, parameters)) {
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not update a template import", e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      if (parameter == null) {
        statement.setNull(i + 1, Types.VARCHAR);
      } else {
        statement.setObject(i + 1, parameter);
      }
    }
    return statement;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
