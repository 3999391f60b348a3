import type { AlertRow, SqlParam, Store } from "@citybrain/analytics";
import type { AlertListQuery } from "./alert-schemas.ts";

/** What the alerts routes need of the store: reads, and the ingest path for writes. */
export type AlertStore = Pick<Store, "query" | "ingest">;

function where(q: AlertListQuery): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  const list = (column: string, values: readonly string[] | undefined) => {
    if (!values) return;
    clauses.push(`${column} IN (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  };
  list("status", q.status);
  list("severity", q.severity);
  list("source", q.source);
  list("town_code", q.town_code);
  list("rule", q.rule);
  list("site_id", q.site_id);
  if (q.q !== undefined) {
    // A search box: case, spaces and the plate dot do not matter (渝AD1234 finds 渝A·D1234).
    const folded = (sql: string) => `lower(regexp_replace(${sql}, '[\\s·]', '', 'g'))`;
    clauses.push(
      `(contains(${folded("message")}, ${folded("?")}) OR contains(${folded("coalesce(site_id, '')")}, ${folded("?")}) OR contains(${folded("alert_id")}, ${folded("?")}))`,
    );
    params.push(q.q, q.q, q.q);
  }
  if (q.since !== undefined) {
    clauses.push("ts >= epoch_ms(?::BIGINT)");
    params.push(q.since);
  }
  if (q.until !== undefined) {
    clauses.push("ts < epoch_ms(?::BIGINT)");
    params.push(q.until);
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(" AND ")}` : "", params };
}

/**
 * One page of alerts matching the filters, newest condition first, and how many match in all.
 * @example
 * const { rows, total } = await listAlerts(store, { status: ["open"], limit: 50, offset: 0 });
 */
export async function listAlerts(
  store: AlertStore,
  q: AlertListQuery,
): Promise<{ rows: AlertRow[]; total: number }> {
  const w = where(q);
  const rows = await store.query(
    `SELECT * FROM alerts${w.sql} ORDER BY ts DESC, alert_id DESC LIMIT ? OFFSET ?`,
    [...w.params, q.limit, q.offset],
  );
  const count = await store.query(`SELECT count(*) AS n FROM alerts${w.sql}`, w.params);
  return { rows: rows as unknown as AlertRow[], total: Number(count[0]?.n ?? 0) };
}

/** The current state of one alert, or null when there is none with that id. */
export async function findAlert(store: AlertStore, id: string): Promise<AlertRow | null> {
  const rows = await store.query("SELECT * FROM alerts WHERE alert_id = ?", [id]);
  // The store's rows carry exactly the stream's columns (timestamps as epoch ms).
  return (rows[0] as unknown as AlertRow | undefined) ?? null;
}

/**
 * Writes an alert's new state through the store's ingest path: a row with the same `alert_id`
 * replaces the stored one. The batch id names the alert, the action and the time, so a retried
 * write of the same change is a no-op.
 */
export async function writeAlert(store: AlertStore, row: AlertRow, action: string): Promise<void> {
  await store.ingest("alerts", [row], { batchId: `alert:${row.alert_id}:${action}:${row.updated_at}` });
}
