package dev.slaservice.sla.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.policy.AlternativeCatalog;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.VersionedCatalog;
import dev.slaservice.sla.domain.policy.definition.CheckedDefinition;
import dev.slaservice.sla.domain.policy.definition.DefinitionProblem;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.domain.sla.WhatIf;
import dev.slaservice.sla.persistence.CalendarDefinition;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.ProjectionStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays the tickets opened in a time range under alternative terms and reports which breaches
 * they would gain or lose. Reads only: one sql, no transaction, nothing written.
 */
@ApplicationScoped
public class WhatIfService {

  /**
   * Which tickets, and the alternative: a plan version or a draft plan definition (not stored), a
   * calendar definition, or both. A draft is judged under {@code alternativePlanId}, {@link #DRAFT}
   * when that is null.
   */
  public record Question(
      Instant openedFrom,
      Instant openedTo,
      String customerId,
      String planId,
      String alternativePlanId,
      Integer alternativePlanVersion,
      JsonNode alternativeDefinition,
      String alternativeCalendarId,
      CalendarDefinition alternativeCalendar) {}

  /** The plan id a draft without one is judged under. */
  public static final String DRAFT = "draft";

  /**
   * The draft plan definition of a question is not valid: every problem, with its JSON path in the
   * draft.
   */
  public static final class InvalidDraft extends RuntimeException {
    private final transient List<DefinitionProblem> problems;

    InvalidDraft(List<DefinitionProblem> problems) {
      super("invalid draft plan definition", null, false, false);
      this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
      return problems;
    }
  }

  /** The answer for one page of tickets (in ticket id order, after {@code afterTicket}). */
  public record Answer(
      int examined, List<WhatIf.Outcome> outcomes, String lastTicket, boolean more) {}

  /** The question names a plan version or calendar the catalog does not have. */
  public static final class UnknownAlternative extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    UnknownAlternative(String key, Object... args) {
      super(key, null, false, false);
      this.key = key;
      this.args = args;
    }

    public String key() {
      return key;
    }

    public Object[] args() {
      return args.clone();
    }
  }

  private final CatalogReads reads;
  private final ProjectionStore projections;
  private final EventStore eventStore;

  public WhatIfService(CatalogReads reads, EventStore eventStore, ProjectionStore projections) {
    this.reads = reads;
    this.projections = projections;
    this.eventStore = eventStore;
  }

  public Uni<Answer> ask(Question question, String afterTicket, int limit, Instant now) {
    return reads.readWithCatalog(
        (sql, snapshot) -> {
          SlaEvaluator alternative =
              new SlaEvaluator(
                  new AlternativeCatalog(
                      snapshot.catalog(),
                      plan(snapshot.catalog(), question, now),
                      calendar(snapshot.catalog(), question)));
          WhatIf whatIf = new WhatIf(snapshot.evaluator(), alternative);
          return projections
              .openedBetween(
                  sql,
                  question.openedFrom(),
                  question.openedTo(),
                  question.customerId(),
                  question.planId(),
                  afterTicket,
                  limit + 1)
              .chain(
                  ids -> {
                    List<String> page = ids.subList(0, Math.min(limit, ids.size()));
                    if (page.isEmpty()) {
                      return Uni.createFrom().item(new Answer(0, List.of(), null, false));
                    }
                    return eventStore
                        .ticketHistories(sql, page)
                        .chain(
                            histories ->
                                eventStore
                                    .subscriptions(sql, ProjectionUpdater.customersOf(histories))
                                    .map(
                                        subscriptions -> {
                                          List<WhatIf.Outcome> outcomes = new ArrayList<>();
                                          for (String ticketId : page) {
                                            List<TicketEvent> history =
                                                histories.getOrDefault(ticketId, List.of());
                                            whatIf
                                                .compare(
                                                    ticketId,
                                                    history,
                                                    ProjectionUpdater.subscriptionsOf(
                                                        history, subscriptions),
                                                    now)
                                                .ifPresent(outcomes::add);
                                          }
                                          return new Answer(
                                              page.size(),
                                              outcomes,
                                              page.get(page.size() - 1),
                                              ids.size() > limit);
                                        }));
                  });
        });
  }

  private static Optional<Plan> plan(VersionedCatalog catalog, Question question, Instant now) {
    if (question.alternativeDefinition() != null) {
      return Optional.of(draft(catalog, question, now));
    }
    if (question.alternativePlanId() == null) {
      return Optional.empty();
    }
    List<Plan> versions = catalog.planVersions(question.alternativePlanId());
    if (versions.isEmpty()) {
      throw new UnknownAlternative("plan.not-found", question.alternativePlanId());
    }
    if (question.alternativePlanVersion() == null) {
      return Optional.of(versions.get(versions.size() - 1));
    }
    return Optional.of(
        versions.stream()
            .filter(p -> p.version() == question.alternativePlanVersion())
            .findFirst()
            .orElseThrow(
                () ->
                    new UnknownAlternative(
                        "plan.version-not-found",
                        question.alternativePlanId(),
                        question.alternativePlanVersion())));
  }

  /**
   * Checked as PUT /plans checks it, then made a plan as if it took effect now, after the plan's
   * newest version.
   */
  private static Plan draft(VersionedCatalog catalog, Question question, Instant now) {
    CheckedDefinition checked =
        CheckedDefinition.of(
            question.alternativeDefinition(),
            calendarId -> !catalog.calendarVersions(calendarId).isEmpty());
    if (!checked.valid()) {
      throw new InvalidDraft(checked.problems());
    }
    String planId = question.alternativePlanId() == null ? DRAFT : question.alternativePlanId();
    return checked
        .definition()
        .toPlan(
            planId,
            catalog.nextPlanVersion(planId),
            now,
            calendarId -> catalog.calendarAt(calendarId, now).map(CalendarVersion::calendar));
  }

  private static Optional<CalendarVersion> calendar(PolicyCatalog catalog, Question question) {
    if (question.alternativeCalendarId() == null) {
      return Optional.empty();
    }
    List<CalendarVersion> versions = catalog.calendarVersions(question.alternativeCalendarId());
    if (versions.isEmpty()) {
      throw new UnknownAlternative("whatif.calendar-not-found", question.alternativeCalendarId());
    }
    CalendarVersion newest = versions.get(versions.size() - 1);
    CalendarDefinition definition = question.alternativeCalendar();
    return Optional.of(
        new CalendarVersion(
            newest.id(),
            newest.version() + 1,
            Instant.EPOCH,
            definition.toCalendar(newest.id()),
            definition.followsCustomerZone()));
  }
}
