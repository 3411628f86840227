package dev.slaservice.sla.domain.sla;

import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.definition.CheckedDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The test plan {@code plans/reply-desk.json}, read like a PUT body: P1 has RESPONSE 1 h,
 * NEXT_REPLY 2 h and PERIODIC_UPDATE 8 h on 24x7 (the reply metrics pause while waiting on the
 * customer); OFFICE has NEXT_REPLY 4 h on the EMQ 5x8 calendar (Mon–Fri 09:00–18:00 Shanghai).
 */
final class ReplyPlans {

  static final String REPLY_DESK = "reply-desk";

  private ReplyPlans() {}

  static String definition() {
    try (InputStream in = ReplyPlans.class.getResourceAsStream("/plans/reply-desk.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestCatalog catalog() {
    BuiltInCatalog builtIn = new BuiltInCatalog();
    CheckedDefinition checked =
        CheckedDefinition.of(definition(), id -> builtIn.calendar(id).isPresent());
    if (!checked.valid()) {
      throw new IllegalStateException("reply-desk.json: " + checked.problems());
    }
    Plan plan =
        checked
            .definition()
            .toPlan(
                REPLY_DESK, 1, Instant.EPOCH, id -> builtIn.calendar(id).map(v -> v.calendar()));
    return new TestCatalog(List.of(plan));
  }
}
