import type { TimeInput } from "../kpi-common/local-time.ts";
import { toEpochMs } from "../kpi-common/local-time.ts";
import type { SepticAssessment, SepticStatusOptions } from "./septic-state.ts";
import { septicState } from "./septic-state.ts";

/** One `septic` stream row, as the TS function takes it. */
export interface SepticRow {
  readonly ts: TimeInput;
  readonly monitor_id: string;
  readonly town_code: string;
  readonly ch4_lel: number | null;
  readonly h2s_ppm: number | null;
  readonly level_pct: number | null;
}

/** A monitor's latest reading and its state. */
export interface MonitorStatus extends SepticAssessment {
  readonly monitor_id: string;
  readonly town_code: string;
  /** Epoch ms of the latest reading. */
  readonly ts: number;
  readonly ageMinutes: number;
  readonly stale: boolean;
}

/** The TS twin of `septicStatusSql`: each monitor's state from its latest reading ≤ asOf. */
export function latestSepticStates(
  rows: readonly SepticRow[],
  options: SepticStatusOptions = {},
): MonitorStatus[] {
  const asOf = toEpochMs(options.asOf ?? Date.now());
  const latest = new Map<string, { row: SepticRow; ts: number }>();
  for (const row of rows) {
    const ts = toEpochMs(row.ts);
    if (ts > asOf) continue;
    const seen = latest.get(row.monitor_id);
    if (!seen || ts > seen.ts) latest.set(row.monitor_id, { row, ts });
  }
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([monitor_id, { row, ts }]) => {
      const ageMinutes = (asOf - ts) / 60_000;
      return {
        monitor_id,
        town_code: row.town_code,
        ts,
        ageMinutes,
        stale: ageMinutes > (options.staleAfterMinutes ?? 30),
        ...septicState(row, options.thresholds),
      };
    });
}
