package io.regulus.paging;

import java.util.List;

/** One page of a list read page by page from the database, and how many items the list holds. */
public record Page<T>(List<T> items, PageRequest request, long total) {

  public Page {
    items = List.copyOf(items);
  }
}
