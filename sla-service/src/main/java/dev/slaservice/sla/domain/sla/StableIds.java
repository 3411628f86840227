package dev.slaservice.sla.domain.sla;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from what a published event says, so a repeat of the same fact carries the same id.
 */
public final class StableIds {

  private StableIds() {}

  public static String of(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static String ofFact(String ticketId, SlaFact fact) {
    return of(ticketId, fact.key());
  }
}
