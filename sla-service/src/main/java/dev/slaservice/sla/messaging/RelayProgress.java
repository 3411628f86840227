package dev.slaservice.sla.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of a progress record: the outbox ids one relay transaction published, as ascending
 * ranges ({@code 17-516,520}), which keeps a 500-record batch to a few bytes.
 */
final class RelayProgress {

  private RelayProgress() {}

  static String format(List<Long> ids) {
    List<Long> sorted = ids.stream().sorted().distinct().toList();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(sorted.get(i));
      if (j > i) {
        out.append('-').append(sorted.get(j));
      }
      i = j + 1;
    }
    return out.toString();
  }

  static List<Long> parse(String value) {
    List<Long> ids = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return ids;
    }
    for (String part : value.split(",")) {
      int dash = part.indexOf('-');
      if (dash < 0) {
        ids.add(Long.parseLong(part));
      } else {
        for (long id = Long.parseLong(part.substring(0, dash));
            id <= Long.parseLong(part.substring(dash + 1));
            id++) {
          ids.add(id);
        }
      }
    }
    return ids;
  }
}
