package dev.slaservice.events;

/** Why a ticket's breaches earn no compensation (Websoft9 "Limitations"). */
public enum ExclusionReason {
  SCHEDULED_DOWNTIME,
  EMERGENCY_MAINTENANCE,
  FORCE_MAJEURE,
  CUSTOMER_ENVIRONMENT,
  CLOUD_INFRASTRUCTURE
}
