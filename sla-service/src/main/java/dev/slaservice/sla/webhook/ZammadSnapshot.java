package dev.slaservice.sla.webhook;

import java.time.OffsetDateTime;

/**
 * What the service last saw of a Zammad ticket; Zammad sends snapshots, so changes are differences.
 */
public record ZammadSnapshot(
    String state, String priority, boolean firstResponse, OffsetDateTime updatedAt) {}
