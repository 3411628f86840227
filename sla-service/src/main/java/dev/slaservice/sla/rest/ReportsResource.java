package dev.slaservice.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slaservice.events.FieldKind;
import dev.slaservice.sla.domain.report.ComplianceReport;
import dev.slaservice.sla.domain.report.ComplianceRow;
import dev.slaservice.sla.domain.report.ReportDimension;
import dev.slaservice.sla.persistence.ComplianceQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ops and billing read how many clocks met their targets, per plan, priority, metric, customer or
 * month.
 */
@Path("/reports")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class ReportsResource {

  static final String TEXT_CSV = "text/csv";
  private static final Set<ReportDimension> DEFAULT_GROUPS =
      EnumSet.of(ReportDimension.PLAN, ReportDimension.METRIC);

  /** A report: the period (tickets opened from {@code from}, before {@code to}) and its lines. */
  record ComplianceView(
      Instant from, Instant to, String zone, List<String> groupBy, List<LineView> groups) {}

  record LineView(
      @JsonInclude(JsonInclude.Include.NON_NULL) String planId,
      @JsonInclude(JsonInclude.Include.NON_NULL) String priority,
      @JsonInclude(JsonInclude.Include.NON_NULL) String metric,
      @JsonInclude(JsonInclude.Include.NON_NULL) String customerId,
      @JsonInclude(JsonInclude.Include.NON_NULL) String month,
      long tickets,
      long met,
      long breached,
      long running,
      BigDecimal compliancePercent,
      String medianTimeToMeet,
      String p90TimeToMeet) {

    static LineView of(ComplianceRow row) {
      return new LineView(
          row.planId(),
          row.priority(),
          row.metric() == null ? null : row.metric().name(),
          row.customerId(),
          row.month() == null ? null : row.month().toString(),
          row.tickets(),
          row.met(),
          row.breached(),
          row.running(),
          row.compliancePercent(),
          text(row.medianTimeToMeet()),
          text(row.p90TimeToMeet()));
    }

    private static String text(Duration duration) {
      return duration == null ? null : duration.toString();
    }
  }

  private final ComplianceQueries queries;
  private final CustomerScope scope;

  public ReportsResource(ComplianceQueries queries, CustomerScope scope) {
    this.queries = queries;
    this.scope = scope;
  }

  /**
   * The parameters are read from the query as a whole, for both forms: from, to, zone, groupBy
   * (absent for the default, empty for no grouping), customerId and planId.
   */
  @GET
  @Path("/compliance")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<ComplianceView> compliance(@Context UriInfo uri) {
    Request request = Request.of(uri.getQueryParameters(), scope);
    return request
        .rows(queries)
        .map(
            rows ->
                new ComplianceView(
                    request.scope().from(),
                    request.scope().to(),
                    request.scope().zone().getId(),
                    request.groupBy().stream().map(ReportDimension::key).toList(),
                    rows.stream().map(LineView::of).toList()));
  }

  @GET
  @Path("/compliance")
  @Produces(TEXT_CSV)
  public Uni<String> complianceCsv(@Context UriInfo uri) {
    Request request = Request.of(uri.getQueryParameters(), scope);
    return request.rows(queries).map(rows -> ComplianceCsv.write(request.groupBy(), rows));
  }

  /**
   * A report request read from its parameters; a customer-limited token reads its own customer
   * only.
   */
  private record Request(
      ComplianceQueries.Scope scope, Set<ReportDimension> groupBy, boolean empty) {

    static Request of(MultivaluedMap<String, String> query, CustomerScope tokenScope) {
      return of(
          query.getFirst("from"),
          query.getFirst("to"),
          query.getFirst("zone"),
          query.get("groupBy"),
          query.getFirst("customerId"),
          query.getFirst("planId"),
          tokenScope);
    }

    private static Request of(
        String from,
        String to,
        String zone,
        List<String> groupBy,
        String customerId,
        String planId,
        CustomerScope tokenScope) {
      ZoneId reportZone = QueryParams.zone("zone", zone);
      if (from == null || from.isBlank() || to == null || to.isBlank()) {
        throw ProblemException.badRequest("report.period-required");
      }
      Instant start = QueryParams.dateOrInstant("from", from, reportZone);
      Instant end = QueryParams.dateOrInstant("to", to, reportZone);
      if (!start.isBefore(end)) {
        throw ProblemException.badRequest("report.range", start, end);
      }
      String customer = QueryParams.optional(FieldKind.ID, "customerId", customerId);
      boolean empty = customer != null && !tokenScope.sees(customer);
      ComplianceQueries.Scope scope =
          new ComplianceQueries.Scope(
              start,
              end,
              reportZone,
              tokenScope.narrow(customer),
              QueryParams.optional(FieldKind.ID, "planId", planId));
      return new Request(scope, dimensions(groupBy), empty);
    }

    Uni<List<ComplianceRow>> rows(ComplianceQueries queries) {
      if (empty) {
        return Uni.createFrom().item(List.of());
      }
      return queries.tallies(scope, groupBy).map(groups -> ComplianceReport.rows(groups, groupBy));
    }

    private static Set<ReportDimension> dimensions(List<String> texts) {
      if (texts == null) {
        return DEFAULT_GROUPS;
      }
      Set<ReportDimension> dimensions = EnumSet.noneOf(ReportDimension.class);
      texts.stream()
          .filter(Objects::nonNull)
          .flatMap(t -> List.of(t.split(",")).stream())
          .map(String::trim)
          .filter(t -> !t.isEmpty())
          .forEach(
              t ->
                  dimensions.add(
                      ReportDimension.ofKey(t)
                          .orElseThrow(() -> ProblemException.badRequest("report.bad-group", t))));
      return dimensions;
    }
  }
}
