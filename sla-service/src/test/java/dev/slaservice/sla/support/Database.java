package dev.slaservice.sla.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's database directly, to check what is (and is not) stored. */
@ApplicationScoped
public class Database {

  private final Pool pool;

  public Database(Pool pool) {
    this.pool = pool;
  }

  /** Every row of the query, each column as text (null stays null). */
  public List<List<String>> rows(String sql, Object... params) {
    List<List<String>> result = new ArrayList<>();
    for (Row row :
        pool.preparedQuery(sql)
            .execute(Tuple.from(params))
            .await()
            .atMost(Duration.ofSeconds(60))) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.getValue(i);
        values.add(value == null ? null : value.toString());
      }
      result.add(values);
    }
    return result;
  }

  public long count(String sql, Object... params) {
    return Long.parseLong(rows(sql, params).get(0).get(0));
  }

  /** Whether the customer waits in the compensation queue (one row at most: its key). */
  public boolean compensationQueued(String customer) {
    return count("select count(*) from compensation_due where customer_id = $1", customer) == 1;
  }
}
