package dev.slaservice.events;

/**
 * One reason an event was refused: the field (a JSON property name, or empty for the whole event)
 * and why.
 */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
