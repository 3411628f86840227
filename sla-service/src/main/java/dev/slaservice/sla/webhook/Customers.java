package dev.slaservice.sla.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a ticket's customer by the connection's {@link CustomerRule}. */
final class Customers {

  private Customers() {}

  /**
   * The customerId, or null with the reason noted in {@code payload} as missing.
   *
   * @param places where each kind of rule looks in this source's payload, first found wins
   */
  static String find(
      HelpdeskConnection connection,
      Payloads payload,
      Map<CustomerRule.Kind, List<String>> places) {
    CustomerRule rule = connection.customer();
    List<String> pointers =
        rule.kind() == CustomerRule.Kind.FIELD || rule.kind() == CustomerRule.Kind.FIXED
            ? (rule.field() == null ? List.of() : List.of(rule.field()))
            : rule.field() != null
                ? List.of(rule.field())
                : places.getOrDefault(rule.kind(), List.of());
    if (rule.kind() != CustomerRule.Kind.FIXED && pointers.isEmpty()) {
      payload.missing(
          "customer: a "
              + connection.source().wireName()
              + " connection cannot find the customer by "
              + rule.kind()
              + " without customer.field (a JSON pointer)");
      return null;
    }
    String found =
        pointers.stream()
            .map(payload::text)
            .filter(v -> v != null && !v.isBlank())
            .findFirst()
            .orElse(null);
    Optional<String> customer = rule.customerFor(found);
    if (customer.isEmpty()) {
      payload.missing(
          "customer: "
              + (found == null
                  ? "nothing at " + String.join(" or ", pointers)
                  : String.join(" or ", pointers) + " = " + found + " is not in customer.map")
              + " and connection "
              + connection.name()
              + " has no customer.fallback");
      return null;
    }
    return customer.get();
  }
}
