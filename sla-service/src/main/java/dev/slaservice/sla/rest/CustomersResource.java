package dev.slaservice.sla.rest;

import dev.slaservice.events.ServiceWindow;
import dev.slaservice.sla.application.CompensationQueries;
import dev.slaservice.sla.domain.compensation.Money;
import dev.slaservice.sla.domain.compensation.Statement;
import dev.slaservice.sla.domain.policy.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Billing and ops read a customer's compensation statements and subscription here. */
@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class CustomersResource {

  record StatementView(
      String customerId,
      String month,
      String creditMonth,
      String planId,
      String currency,
      String monthlyFee,
      String status,
      boolean claimed,
      String claimedAt,
      boolean capped,
      String subtotal,
      String total,
      List<LineView> tickets) {}

  record LineView(
      String ticketId,
      String breachedAt,
      List<String> metrics,
      String credit,
      boolean eligible,
      String reason) {}

  record SubscriptionView(
      String customerId,
      String planId,
      String monthlyFee,
      String currency,
      String timeZone,
      List<ServiceWindow> agreedHours,
      String effectiveFrom) {}

  private final CompensationQueries queries;
  private final Clock clock;
  private final CustomerScope scope;

  public CustomersResource(CompensationQueries queries, Clock clock, CustomerScope scope) {
    this.scope = scope;
    this.queries = queries;
    this.clock = clock;
  }

  @GET
  @Path("/compensation")
  public Uni<StatementView> compensation(
      @PathParam("customerId") String customerId,
      @QueryParam("month") String month,
      @Context HttpHeaders headers) {
    Locale locale = Messages.languageOf(headers);
    QueryParams.id("customerId", customerId);
    scope.requireCustomer(customerId);
    YearMonth yearMonth = month(month);
    return queries
        .statement(customerId, yearMonth)
        .map(
            lookup -> {
              if (!lookup.customerKnown()) {
                throw unknown(customerId);
              }
              return lookup
                  .statement()
                  .map(statement -> view(statement, locale))
                  .orElseThrow(
                      () ->
                          ProblemException.notFound(
                              "customer.no-subscription", customerId, yearMonth));
            });
  }

  @GET
  @Path("/subscription")
  public Uni<SubscriptionView> subscription(@PathParam("customerId") String customerId) {
    QueryParams.id("customerId", customerId);
    scope.requireCustomer(customerId);
    return queries
        .subscription(customerId, clock.instant())
        .map(found -> found.map(CustomersResource::view).orElseThrow(() -> unknown(customerId)));
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (NullPointerException | DateTimeParseException e) {
      throw ProblemException.badRequest("query.bad-month");
    }
  }

  private static ProblemException unknown(String customerId) {
    return ProblemException.notFound("customer.not-found", customerId);
  }

  private static StatementView view(Statement s, Locale locale) {
    return new StatementView(
        s.customerId(),
        s.month().toString(),
        s.creditMonth().toString(),
        s.planId(),
        s.total().currency().getCurrencyCode(),
        s.monthlyFee().amount().toPlainString(),
        s.status().name(),
        s.claimed(),
        s.claimedAt() == null ? null : s.claimedAt().toString(),
        s.capped(),
        s.subtotal().amount().toPlainString(),
        s.total().amount().toPlainString(),
        s.lines().stream()
            .map(
                l ->
                    new LineView(
                        l.ticketId(),
                        l.breachedAt().toString(),
                        l.metrics().stream().map(Enum::name).toList(),
                        l.credit().amount().toPlainString(),
                        l.eligible(),
                        l.reason().text(locale)))
            .toList());
  }

  private static SubscriptionView view(Subscription s) {
    return new SubscriptionView(
        s.customerId(),
        s.planId(),
        new Money(s.monthlyFee(), Currency.getInstance(s.currency())).amount().toPlainString(),
        s.currency(),
        s.zone().getId(),
        s.agreedHours().stream()
            .map(w -> new ServiceWindow(w.startDay(), w.startTime(), w.endDay(), w.endTime()))
            .toList(),
        s.effectiveFrom().toString());
  }
}
