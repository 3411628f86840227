package dev.slaservice.sla.rest;

/** The roles a bearer token carries in its {@code groups} claim. */
public final class Roles {

  /** Helpdesks post ticket and customer events. */
  public static final String HELPDESK = "helpdesk";

  /** Ops and billing read tickets, catalogs and statements. */
  public static final String OPS = "ops";

  /**
   * Administrators change calendars and run rebuilds and what-if comparisons; they may read too.
   */
  public static final String ADMIN = "admin";

  private Roles() {}
}
