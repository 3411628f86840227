package dev.slaservice.sla.rest;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.persistence.TicketOwners;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The customer a request's token is limited to, if any. A limited token sees only that customer's
 * tickets and statements: anything else reads as not found, so it cannot learn what exists.
 */
@RequestScoped
public class CustomerScope {

  /** The token claim that names the customer. */
  public static final String CLAIM = "customer_id";

  private final JsonWebToken token;
  private final TicketOwners owners;

  public CustomerScope(JsonWebToken token, TicketOwners owners) {
    this.token = token;
    this.owners = owners;
  }

  /** The customer the token is limited to; empty for a token that may see every customer. */
  public Optional<String> customer() {
    Object claim = token.getClaim(CLAIM);
    if (claim == null) {
      return Optional.empty();
    }
    return Optional.of(claim instanceof JsonString text ? text.getString() : claim.toString());
  }

  /** False when the token is limited to another customer than {@code customerId}. */
  public boolean sees(String customerId) {
    return customer().map(own -> own.equals(customerId)).orElse(true);
  }

  /**
   * The customer filter of a list: the token's customer when it is limited, else the one asked for.
   */
  public String narrow(String requestedCustomerId) {
    return customer().orElse(requestedCustomerId);
  }

  /** Fails as if the customer did not exist when the token may not see it. */
  public void requireCustomer(String customerId) {
    if (!sees(customerId)) {
      throw ProblemException.notFound("customer.not-found", customerId);
    }
  }

  /** Fails as if the ticket did not exist when the token may not see it. */
  public Uni<Void> requireTicket(String ticketId) {
    if (customer().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return owners
        .customersOf(List.of(ticketId))
        .map(
            found -> {
              if (!sees(found.get(ticketId))) {
                throw ProblemException.notFound("ticket.not-found", ticketId);
              }
              return null;
            });
  }

  /** Operations on what every customer shares (calendars, rebuilds) are not for a limited token. */
  public void requireUnlimited() {
    customer()
        .ifPresent(
            own -> {
              throw new ProblemException(Response.Status.FORBIDDEN, "scope.customer-token", own);
            });
  }

  /**
   * A limited helpdesk token may post only its customer's events: its customer events, tickets it
   * opens in the request, and tickets already opened for it.
   */
  public Uni<Void> requireEvents(List<InboundEvent> events) {
    Optional<String> own = customer();
    if (own.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<String> opened = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    for (InboundEvent event : events) {
      if (event instanceof CustomerEvent customerEvent) {
        requirePostable(own.get(), customerEvent.customerId(), customerEvent.customerId());
      } else if (event instanceof TicketEvent.TicketOpened opening) {
        requirePostable(own.get(), opening.customerId(), opening.ticketId());
        opened.add(opening.ticketId());
      } else if (event instanceof TicketEvent ticketEvent) {
        others.add(ticketEvent.ticketId());
      }
    }
    others.removeAll(opened);
    return owners
        .customersOf(others)
        .map(
            found -> {
              others.forEach(ticketId -> requirePostable(own.get(), found.get(ticketId), ticketId));
              return null;
            });
  }

  private static void requirePostable(String own, String customerId, String subject) {
    if (!own.equals(customerId)) {
      throw new ProblemException(
          Response.Status.FORBIDDEN, "scope.not-your-customer", subject, own);
    }
  }
}
