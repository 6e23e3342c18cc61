package io.regulus.api.paging;

import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;

/**
 * The page of a list a resource answers with: the resource hands over the whole list and returns
 * this page of it, and {@link ListPageHeaders} tells the client how many there are ({@code
 * X-Total-Count}) and where the neighbouring pages are ({@code Link}).
 */
@RequestScoped
public class ListPage {

  /** What the answer holds: the page asked for and the length of the whole list. */
  record Served(PageRequest request, long total) {}

  private Served served;

  /** This request's page of the whole list, checked against the largest page. */
  public <T> List<T> of(List<T> all, PageParams params) {
    PageRequest request = params.request();
    served = new Served(request, all.size());
    return request.of(all);
  }

  /** A page read from the database, as it is. */
  public <T> List<T> of(Page<T> read) {
    served = new Served(read.request(), read.total());
    return read.items();
  }

  Optional<Served> served() {
    return Optional.ofNullable(served);
  }
}
