package dev.slaservice.sla.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.events.Violation;
import dev.slaservice.sla.domain.policy.definition.CheckedDefinition;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import dev.slaservice.sla.support.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanAssignmentTest {

  private static final OffsetDateTime NOV_2 =
      OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final BuiltInCatalog BUILT_IN = new BuiltInCatalog();

  /** Premium's terms, open to one-ticket upgrades of Websoft9 Standard customers. */
  private static final PolicyCatalog CATALOG =
      new VersionedCatalog(
          BUILT_IN,
          List.of(),
          List.of(
              new DefinedPlanVersion(
                  "premium-upgrade", 1, Instant.EPOCH, upgradeDefinition(), Optional.empty())));

  private static PlanDefinition upgradeDefinition() {
    ObjectNode json = Json.builtInPlan("websoft9-premium");
    json.putArray("allowsPerTicketUpgradeFrom").add("websoft9-standard");
    CheckedDefinition checked = CheckedDefinition.of(json, id -> BUILT_IN.calendar(id).isPresent());
    assertThat(checked.problems()).isEmpty();
    return checked.definition();
  }

  /** Asserts that the assignment came to one outcome of this kind, and returns it. */
  private static <T extends PlanAssignment.Outcome> T only(
      Class<T> kind, List<PlanAssignment.Outcome> outcomes) {
    assertThat(outcomes).singleElement().isInstanceOf(kind);
    return kind.cast(outcomes.get(0));
  }

  private static Violation refusal(List<PlanAssignment.Outcome> outcomes) {
    return only(PlanAssignment.Refused.class, outcomes).violation();
  }

  private static TicketEvent.TicketOpened opened(
      String ticketId, String planId, OffsetDateTime at) {
    return new TicketEvent.TicketOpened(
        "open-" + ticketId, ticketId, at, "desk", "acme", planId, "HIGH");
  }

  private static CustomerEvent.SubscriptionChanged subscribed(
      String planId, LocalDate from, OffsetDateTime sentAt) {
    return new CustomerEvent.SubscriptionChanged(
        "sub-" + planId + from,
        "acme",
        sentAt,
        "billing",
        planId,
        new BigDecimal("1000"),
        "USD",
        "UTC",
        null,
        from);
  }

  private static List<PlanAssignment.Outcome> assign(
      Map<String, List<Subscription>> stored, InboundEvent... events) {
    return new PlanAssignment(CATALOG, stored).assign(List.of(events));
  }

  private static Map<String, List<Subscription>> stored(
      CustomerEvent.SubscriptionChanged... changes) {
    Map<String, List<Subscription>> stored = new HashMap<>();
    for (CustomerEvent.SubscriptionChanged change : changes) {
      stored
          .computeIfAbsent(change.customerId(), id -> new ArrayList<>())
          .add(Subscription.of(change));
    }
    return stored;
  }

  @Nested
  class GivenAStandardSubscriptionFromNovember1 {
    private final Map<String, List<Subscription>> stored =
        stored(subscribed("websoft9-standard", LocalDate.of(2026, 11, 1), NOV_2.minusDays(5)));

    @Test
    void whenATicketNamesNoPlanThenItIsOpenedOnStandard() {
      PlanAssignment.Accepted accepted =
          only(PlanAssignment.Accepted.class, assign(stored, opened("T-1", null, NOV_2)));
      assertThat(((TicketEvent.TicketOpened) accepted.event()).planId())
          .isEqualTo("websoft9-standard");
    }

    /** Standard itself, or premium-upgrade: Premium's terms for tickets of Standard customers. */
    @ParameterizedTest
    @ValueSource(strings = {"websoft9-standard", "premium-upgrade"})
    void whenATicketNamesStandardOrAPlanThatAllowsUpgradesFromItThenItIsKeptAsIs(String planId) {
      TicketEvent.TicketOpened named = opened("T-1", planId, NOV_2);
      assertThat(assign(stored, named)).containsExactly(new PlanAssignment.Accepted(named));
    }

    @Test
    void whenATicketNamesPremiumThenItIsRefusedNamingTheSubscriptionsPlanAndSinceWhen() {
      Violation refusal = refusal(assign(stored, opened("T-1", "websoft9-premium", NOV_2)));
      assertThat(refusal.field()).isEqualTo("planId");
      assertThat(refusal.message())
          .contains("gives plan websoft9-standard since 2026-11-01")
          .contains("plan websoft9-premium allows no per-ticket upgrade");
    }

    @Test
    void whenAPlanlessTicketHasAPriorityStandardLacksThenTheRefusalSaysWhichPlanItWasCheckedOn() {
      TicketEvent.TicketOpened opened =
          new TicketEvent.TicketOpened("o", "T-1", NOV_2, "desk", "acme", null, "P1");
      assertThat(refusal(assign(stored, opened)).message())
          .startsWith("on plan websoft9-standard")
          .contains("has no priority P1");
    }

    @Test
    void whenATicketOpenedBeforeTheSubscriptionNamesNoPlanThenItIsRefused() {
      List<PlanAssignment.Outcome> outcomes =
          assign(stored, opened("T-1", null, NOV_2.minusDays(3)));
      assertThat(outcomes).singleElement().isInstanceOf(PlanAssignment.Refused.class);
    }

    @Test
    void whenTheSubscriptionMovesToPremiumThenOnlyTicketsOpenedFromThenOnArePremium() {
      List<PlanAssignment.Outcome> outcomes =
          assign(
              stored,
              subscribed("websoft9-premium", LocalDate.of(2026, 11, 10), NOV_2),
              opened("T-1", null, NOV_2),
              opened("T-2", null, NOV_2.plusDays(8)));
      assertThat(outcomes)
          .extracting(PlanAssignment.Outcome::event)
          .filteredOn(TicketEvent.TicketOpened.class::isInstance)
          .extracting(e -> ((TicketEvent.TicketOpened) e).planId())
          .containsExactly("websoft9-standard", "websoft9-premium");
    }
  }

  @Nested
  class GivenACustomerWithoutSubscription {

    @Test
    void whenATicketNamesNoPlanThenItIsRefusedWithWhatToDo() {
      assertThat(refusal(assign(Map.of(), opened("T-1", null, NOV_2))).message())
          .contains("customer acme has no subscription in force")
          .contains("needs a planId");
    }

    @Test
    void whenATicketNamesAPlanThenItIsAcceptedAsBefore() {
      TicketEvent.TicketOpened named = opened("T-1", "websoft9-premium", NOV_2);
      assertThat(assign(Map.of(), named)).containsExactly(new PlanAssignment.Accepted(named));
    }

    @Test
    void whenTheSubscriptionComesEarlierInTheSameListThenItCountsButNotWhenItComesLater() {
      CustomerEvent.SubscriptionChanged subscription =
          subscribed("websoft9-standard", LocalDate.of(2026, 11, 1), NOV_2);
      assertThat(assign(Map.of(), subscription, opened("T-1", null, NOV_2)).get(1))
          .isInstanceOf(PlanAssignment.Accepted.class);
      assertThat(assign(Map.of(), opened("T-1", null, NOV_2), subscription).get(0))
          .isInstanceOf(PlanAssignment.Refused.class);
    }
  }

  @Nested
  class GivenAStreamCutIntoBatches {
    private final List<InboundEvent> stream =
        List.of(
            opened("T-0", null, NOV_2),
            subscribed("websoft9-standard", LocalDate.of(2026, 11, 1), NOV_2),
            opened("T-1", null, NOV_2),
            opened("T-2", "websoft9-premium", NOV_2),
            subscribed("websoft9-premium", LocalDate.of(2026, 11, 1), NOV_2.plusHours(1)),
            opened("T-3", "websoft9-premium", NOV_2.plusHours(2)),
            opened("T-4", null, NOV_2.plusHours(2)),
            opened("T-5", "premium-upgrade", NOV_2.plusHours(2)));

    @Test
    void whenTakenAtOnceOrInAnyCutsThenTheOutcomesAreTheSame() {
      List<PlanAssignment.Outcome> atOnce = assign(Map.of(), stream.toArray(InboundEvent[]::new));
      for (int size = 1; size <= stream.size(); size++) {
        List<PlanAssignment.Outcome> cut = new ArrayList<>();
        Map<String, List<Subscription>> stored = new HashMap<>();
        for (int from = 0; from < stream.size(); from += size) {
          List<InboundEvent> batch = stream.subList(from, Math.min(stream.size(), from + size));
          cut.addAll(new PlanAssignment(CATALOG, stored).assign(batch));
          // what the batch stored is what the next batch reads
          batch.stream()
              .filter(CustomerEvent.SubscriptionChanged.class::isInstance)
              .forEach(
                  e ->
                      stored
                          .computeIfAbsent("acme", id -> new ArrayList<>())
                          .add(Subscription.of((CustomerEvent.SubscriptionChanged) e)));
        }
        assertThat(cut).as("batches of " + size).isEqualTo(atOnce);
      }
      assertThat(atOnce)
          .extracting(o -> o.getClass().getSimpleName())
          .containsExactly(
              "Refused",
              "Accepted",
              "Accepted",
              "Refused",
              "Accepted",
              "Accepted",
              "Accepted",
              "Refused");
    }
  }
}
