package io.regulus.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rows of a query with their column names, to insert again as a floor's plain JDBC batch. */
record SqlRows(List<String> columns, List<Object[]> values) {

  static SqlRows select(Connection db, String sql) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int count = result.getMetaData().getColumnCount();
      for (int c = 1; c <= count; c++) {
        columns.add(result.getMetaData().getColumnName(c));
      }
      while (result.next()) {
        Object[] row = new Object[count];
        for (int c = 0; c < count; c++) {
          row[c] = result.getObject(c + 1);
        }
        rows.add(row);
      }
    }
    return new SqlRows(columns, rows);
  }

  /** Inserts the rows into {@code table} by one JDBC batch. */
  void insert(Connection db, String table) throws Exception {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", Collections.nCopies(columns.size(), "?"))
            + ")";
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      for (Object[] row : values) {
        for (int c = 0; c < row.length; c++) {
          // as text of an unnamed type: PostgreSQL reads each by its column's type (jsonb too)
          insert.setObject(c + 1, row[c], Types.OTHER);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
