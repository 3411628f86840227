package dev.slaservice.sla.messaging;

/** Kafka did not acknowledge in time; nothing may be reported as accepted. */
public class KafkaUnavailableException extends RuntimeException {

  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
