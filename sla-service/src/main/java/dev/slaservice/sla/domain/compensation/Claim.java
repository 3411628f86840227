package dev.slaservice.sla.domain.compensation;

import java.time.Instant;
import java.time.YearMonth;

/** The customer applied through the support portal for the credits of {@code month}. */
public record Claim(YearMonth month, Instant claimedAt) {}
