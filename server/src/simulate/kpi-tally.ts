/**
 * The `kpi` tick: running totals of what the simulator fed in the current simulated hour
 * (energy by carrier, vehicles and people counted, cases opened and closed) and the latest
 * septic and air readings, so the wall has numbers that move between extract refreshes.
 */
import type { StreamName } from "@citybrain/datasets";
import type { SimRow } from "./chunk-source.ts";

const HOUR = 3_600_000;

/** The `kpi` event's data. */
export interface KpiTick {
  /** The simulated clock, ISO-8601 UTC. */
  readonly clock: string;
  /** Start of the hour the totals cover, ISO-8601 UTC. */
  readonly hour: string;
  /** Energy fed this hour by carrier: kWh, t, m³, L. */
  readonly energy: Readonly<Record<string, number>>;
  /** Crossings counted this hour: motor vehicles and people/bicycles. */
  readonly traffic: { readonly vehicles: number; readonly persons: number };
  readonly cases: { readonly opened: number; readonly closed: number };
  /** Latest septic readings: the fullest tank and the highest methane. */
  readonly septic: { readonly maxLevelPct: number | null; readonly maxCh4Lel: number | null };
  /** Latest hourly air readings: mean PM2.5 over the stations. */
  readonly air: { readonly meanPm25: number | null; readonly stations: number };
  /** Alerts the simulator's rules hold open. */
  readonly openAlerts: number;
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** Accumulates the current hour's totals from fed rows. */
export class KpiTally {
  #hour = -Infinity;
  #energy: Record<string, number> = {};
  #vehicles = 0;
  #persons = 0;
  #opened = 0;
  #closed = 0;
  #septic: { maxLevelPct: number | null; maxCh4Lel: number | null } = { maxLevelPct: null, maxCh4Lel: null };
  #air: { meanPm25: number | null; stations: number } = { meanPm25: null, stations: 0 };

  /** Starts a new hour when the clock has moved into one. */
  #roll(clock: number): void {
    const hour = Math.floor(clock / HOUR) * HOUR;
    if (hour === this.#hour) return;
    this.#hour = hour;
    this.#energy = {};
    this.#vehicles = this.#persons = this.#opened = this.#closed = 0;
  }

  /** Adds fed rows; energy and traffic rows count when they fall in the clock's hour. */
  add(stream: StreamName, rows: readonly SimRow[], clock: number): void {
    this.#roll(clock);
    const now = (r: SimRow) => (r.ts as number) >= this.#hour;
    if (stream === "energy") {
      for (const r of rows.filter(now)) {
        const c = String(r.carrier);
        this.#energy[c] = (this.#energy[c] ?? 0) + Number(r.value);
      }
    } else if (stream === "traffic") {
      for (const r of rows.filter(now)) {
        if (r.class === "person" || r.class === "bicycle") this.#persons += Number(r.count);
        else this.#vehicles += Number(r.count);
      }
    } else if (stream === "cases") {
      for (const r of rows) {
        if ((r.opened_at as number) >= this.#hour) this.#opened++;
        if (r.status === "closed" || r.status === "rejected") this.#closed++;
      }
    } else if (stream === "septic" && rows.length > 0) {
      const latest = rows.filter((r) => r.ts === rows.at(-1)?.ts);
      this.#septic = {
        maxLevelPct: Math.max(...latest.map((r) => Number(r.level_pct))),
        maxCh4Lel: Math.max(...latest.map((r) => Number(r.ch4_lel))),
      };
    } else if (stream === "air" && rows.length > 0) {
      const latest = rows.filter((r) => r.ts === rows.at(-1)?.ts);
      this.#air = {
        meanPm25: round(latest.reduce((s, r) => s + Number(r.pm25), 0) / latest.length),
        stations: latest.length,
      };
    }
  }

  /** The tick for the clock. */
  tick(clock: number, openAlerts: number): KpiTick {
    this.#roll(clock);
    return {
      clock: new Date(clock).toISOString(),
      hour: new Date(this.#hour).toISOString(),
      energy: Object.fromEntries(Object.entries(this.#energy).map(([k, v]) => [k, round(v)])),
      traffic: { vehicles: this.#vehicles, persons: this.#persons },
      cases: { opened: this.#opened, closed: this.#closed },
      septic: this.#septic,
      air: this.#air,
      openAlerts,
    };
  }
}
