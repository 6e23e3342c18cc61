package io.regulus.api.paging;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds to a paged list's answer how many items the whole list holds ({@code X-Total-Count}) and
 * links to the first, previous and next pages ({@code Link}, RFC 8288), on the request's own URI.
 */
@Provider
public class ListPageHeaders implements ContainerResponseFilter {

  static final String TOTAL = "X-Total-Count";

  @Inject private ListPage page;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 200) {
      return;
    }
    page.served()
        .ifPresent(
            served -> {
              var uri = request.getUriInfo().getRequestUriBuilder();
              int number = served.request().page();
              int size = served.request().size();
              List<Object> links = new ArrayList<>();
              links.add(link(uri.clone(), 0, size, "first"));
              if (number > 0) {
                links.add(link(uri.clone(), number - 1, size, "prev"));
              }
              if (served.request().offset() + size < served.total()) {
                links.add(link(uri.clone(), number + 1, size, "next"));
              }
              response.getHeaders().add(TOTAL, served.total());
              response.getHeaders().put("Link", links);
            });
  }

  private static Link link(
      jakarta.ws.rs.core.UriBuilder uri, int number, int size, String relation) {
    return Link.fromUriBuilder(
            uri.replaceQueryParam("page", number).replaceQueryParam("size", size))
        .rel(relation)
        .build();
  }
}
