package io.regulus.api.paging;

import io.regulus.paging.PageRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page a list request asks for ({@code ?page=&size=}), the same on every list. */
public class PageParams {

  @QueryParam("page")
  @DefaultValue("0")
  @Parameter(description = "The page, counted from 0")
  int page;

  @QueryParam("size")
  @DefaultValue("" + PageRequest.DEFAULT_SIZE)
  @Parameter(
      description =
          "Items a page, 1 to "
              + PageRequest.MAX_SIZE
              + " (default "
              + PageRequest.DEFAULT_SIZE
              + "); a larger size is refused (400). X-Total-Count says how many there are, Link"
              + " names the next page")
  int size;

  /** The page asked for, checked: out of range, a 400 problem naming the limit. */
  public PageRequest request() {
    return new PageRequest(page, size);
  }
}
