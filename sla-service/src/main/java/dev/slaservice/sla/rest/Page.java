package dev.slaservice.sla.rest;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is null on the last page; pass it as {@code cursor} to get
 * the next.
 */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * A page of a small list held in memory, in {@code key} order, after the key named by the cursor.
   */
  static <T> Page<T> byKey(
      List<T> all, Function<T, String> key, String cursor, Integer limit, int maxLimit) {
    String[] after = QueryParams.cursorParts(cursor, 1);
    int size = QueryParams.limit(limit, maxLimit);
    List<T> rest =
        all.stream()
            .sorted(Comparator.comparing(key))
            .filter(item -> after == null || key.apply(item).compareTo(after[0]) > 0)
            .toList();
    List<T> items = rest.subList(0, Math.min(size, rest.size()));
    return new Page<>(
        items,
        rest.size() > size ? QueryParams.cursor(key.apply(items.get(items.size() - 1))) : null);
  }
}
