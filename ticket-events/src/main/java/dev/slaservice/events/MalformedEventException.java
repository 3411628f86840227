package dev.slaservice.events;

import java.util.List;
import java.util.stream.Collectors;

/** A record or request body that is not a valid inbound event, with every reason found. */
public class MalformedEventException extends RuntimeException {

  private final transient List<Violation> violations;

  public MalformedEventException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
