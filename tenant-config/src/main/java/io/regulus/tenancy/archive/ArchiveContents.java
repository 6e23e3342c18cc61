package io.regulus.tenancy.archive;

import java.util.List;

/**
 * A read and checked archive: the tenant schema version its data belongs to and each table's rows
 * as a JSON array, in an order that loads referenced tables first.
 */
public record ArchiveContents(String sourceTenant, String schemaVersion, List<Table> tables) {

  public ArchiveContents {
    tables = List.copyOf(tables);
  }

  /** One table's rows, a JSON array of objects keyed by column name. */
  public record Table(String name, long rows, String json) {}
}
