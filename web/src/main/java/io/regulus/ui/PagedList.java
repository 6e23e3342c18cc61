package io.regulus.ui;

import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table's rows, read a page at a time the way the API pages its lists ({@link PageRequest}: the
 * same page numbers and the same largest page). The domain is asked on every request, never kept in
 * the view, and at most once a request for a list it answers whole.
 *
 * <p>A page bean asks {@link #readNow} in its {@code f:viewAction}, so a refusal shows the
 * access-denied page before any row is written.
 *
 * @param <T> a row
 */
public class PagedList<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Reads one page of the list from the domain. */
  @FunctionalInterface
  public interface Source<T> extends Serializable {
    Page<T> read(PageRequest request);
  }

  /** Reads the whole list from the domain (which answers it whole, as the API's lists). */
  @FunctionalInterface
  public interface Whole<T> extends Serializable {
    List<T> read();
  }

  private final Source<T> source;
  private final Whole<T> whole;

  private PagedList(Source<T> source, Whole<T> whole) {
    this.source = source;
    this.whole = whole;
  }

  /** A list the domain reads page by page. */
  public static <T> PagedList<T> paged(Source<T> source) {
    return new PagedList<>(source, null);
  }

  /** A list the domain answers whole, paged here as the API pages it. */
  public static <T> PagedList<T> whole(Whole<T> whole) {
    return new PagedList<>(
        request -> {
          List<T> all = onceThisRequest(whole);
          return new Page<>(request.of(all), request, all.size());
        },
        whole);
  }

  /** After a change: the rows are read again, not taken from earlier in this request. */
  public void changed() {
    if (whole != null) {
      FacesContext.getCurrentInstance().getAttributes().remove(whole);
    }
  }

  /** Reads the first page now: a refusal shows before the page is written. */
  public void readNow() {
    source.read(new PageRequest(0, 1));
  }

  @Override
  public int count(Map<String, FilterMeta> filters) {
    return (int) source.read(new PageRequest(0, 1)).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
    int size = pageSize <= 0 ? PageRequest.DEFAULT_SIZE : pageSize;
    Page<T> page = source.read(new PageRequest(first / size, size));
    setRowCount((int) page.total());
    return page.items();
  }

  /** The whole list, read once in this request (a table asks for its count, then its rows). */
  @SuppressWarnings("unchecked")
  private static <T> List<T> onceThisRequest(Whole<T> whole) {
    Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
    return (List<T>) request.computeIfAbsent(whole, key -> whole.read());
  }
}
