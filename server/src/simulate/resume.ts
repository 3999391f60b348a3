/**
 * Picking up where a previous run left off: the chunks already fed (their batch ids name
 * them), and the rule alerts it left open — their engine state died with it, so they are
 * closed and the rules raise them again if the condition still holds.
 */
import type { AlertRow, AlertRules, IngestResult, Store } from "@citybrain/analytics";
import type { StreamName } from "@citybrain/datasets";
import { parseWindowBatchId, windowBatchId } from "./chunk-grid.ts";

/** Per stream, the end of the last window fed into the store (where feeding resumes). */
export async function resumeCursors(store: Pick<Store, "query">): Promise<Map<StreamName, number>> {
  // Windows are contiguous, so the latest start (ISO text sorts as time) has the latest end.
  // Derived batches (sim:alerts:septic:…, sim:alerts:restart:…) sort apart and parse to nothing.
  const rows = await store.query(
    `SELECT stream, max(batch_id) AS last FROM ingest_batches
     WHERE batch_id LIKE 'sim:%' AND batch_id SIMILAR TO 'sim:[a-z]+:[0-9].*' GROUP BY stream`,
  );
  const out = new Map<StreamName, number>();
  for (const r of rows) {
    const last = parseWindowBatchId(String(r.last));
    if (last && last.stream === r.stream) out.set(r.stream as StreamName, last.end);
  }
  return out;
}

/**
 * Closes the rule alerts raised after the history's end that are still open or acknowledged
 * (left by a previous run), as of `at`; returns the ingest result and the rows, or null.
 */
export async function closeStaleAlerts(
  store: Pick<Store, "query" | "ingest">,
  rules: AlertRules,
  historyEnd: number,
  at: number,
): Promise<{ result: IngestResult; rows: AlertRow[] } | null> {
  const ids = rules.rules.map((r) => r.id);
  if (ids.length === 0) return null;
  const stale = await store.query(
    `SELECT * FROM alerts WHERE status <> 'closed' AND ts >= make_timestamp(?::BIGINT * 1000)
     AND rule IN (${ids.map(() => "?").join(", ")}) ORDER BY ts, alert_id`,
    [historyEnd, ...ids],
  );
  if (stale.length === 0) return null;
  // The store's rows carry exactly the alerts stream's columns (timestamps as epoch ms).
  const rows = (stale as unknown as AlertRow[]).map((r) => ({
    ...r,
    status: "closed" as const,
    updated_at: at,
  }));
  const result = await store.ingest("alerts", rows, { batchId: windowBatchId("alerts", at, at, "restart") });
  return { result, rows };
}
