/**
 * The one rule for list pages in the API: every list takes {@code ?page=&size=} ({@link
 * io.regulus.api.paging.PageParams}), refuses a page larger than the largest, and answers one page
 * with its total and links to its neighbours.
 */
package io.regulus.api.paging;
