package dev.slaservice.events;

/** Who sees an agent's reply: the customer (PUBLIC) or only the support team (INTERNAL). */
public enum ReplyVisibility {
  PUBLIC,
  INTERNAL
}
