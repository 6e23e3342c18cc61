/** Pages of a list: the one rule for their numbers and their largest size, for every list alike. */
package io.regulus.paging;
