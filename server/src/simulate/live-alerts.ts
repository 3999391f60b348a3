/**
 * Runs the analytics alert rules over the readings the simulator feeds: one engine per source
 * stream (each stream's chunks complete on their own clock, and an engine wants its readings
 * in time order), thresholds with hysteresis and offline detection as the rules say.
 */
import {
  AlertEngine,
  defaultAlertRules,
  hourlyAqi,
  readingFromRow,
  type AlertRow,
  type AlertRules,
  type AlertSource,
  type SiteLocation,
} from "@citybrain/analytics";
import type { StreamName } from "@citybrain/datasets";
import type { GeneratorSites } from "@citybrain/datasets/generators";
import type { SimRow } from "./chunk-source.ts";

/** How an alert row changed, for the `alert` event. */
export type AlertChange = "new" | "escalated" | "acknowledged" | "cleared";

/** The change an alert row records: a fresh open row is new, a closed one cleared. */
export function alertChange(row: Pick<AlertRow, "status" | "ts" | "updated_at">): AlertChange {
  if (row.status === "closed") return "cleared";
  if (row.status === "ack") return "acknowledged";
  return row.ts === row.updated_at ? "new" : "escalated";
}

/** A site lookup over the generator's sites (a meter id `ENT-0101-W` finds its enterprise). */
export function siteLocator(sites: GeneratorSites): (siteId: string) => SiteLocation | undefined {
  const where = new Map<string, SiteLocation>();
  for (const list of [sites.septicTanks, sites.ecoStations, sites.enterprises, sites.cameras])
    for (const s of list) where.set(s.id, { town_code: s.town_code, lon: s.lon, lat: s.lat });
  return (id) => where.get(id) ?? where.get(id.replace(/-[EWGO]$/, ""));
}

const num = (v: unknown) => (typeof v === "number" ? v : null);

/** The alert engines of one simulator. */
export class LiveAlerts {
  readonly rules: AlertRules;
  readonly #engines = new Map<StreamName, AlertEngine>();

  constructor(options: { readonly rules?: AlertRules; readonly sites: GeneratorSites }) {
    this.rules = options.rules ?? defaultAlertRules();
    const locate = siteLocator(options.sites);
    for (const source of new Set(this.rules.rules.map((r) => r.source)))
      this.#engines.set(source as StreamName, new AlertEngine({ rules: this.rules, locate }));
  }

  /** Streams whose readings some rule watches. */
  get sources(): StreamName[] {
    return [...this.#engines.keys()];
  }

  /**
   * Pushes a chunk's rows (time-ordered) as readings and moves the source's clock to the
   * chunk's end, raising offline alerts that fell due; returns the alert rows in order.
   */
  feed(stream: StreamName, rows: readonly SimRow[], chunkEnd: number): AlertRow[] {
    const engine = this.#engines.get(stream);
    if (!engine) return [];
    const source = stream as AlertSource;
    const out: AlertRow[] = [];
    for (const row of rows) {
      const extra: Record<string, number | null> =
        stream === "air"
          ? {
              aqi: hourlyAqi({
                pm25: num(row.pm25),
                pm10: num(row.pm10),
                so2: num(row.so2),
                no2: num(row.no2),
                co: num(row.co),
                o3: num(row.o3),
              }).aqi,
            }
          : {};
      out.push(...engine.push(readingFromRow(source, row, extra)));
    }
    out.push(...engine.advance(chunkEnd));
    return out;
  }

  /** Alerts the engines hold open, oldest first. */
  openAlerts(): AlertRow[] {
    return [...this.#engines.values()].flatMap((e) => e.openAlerts()).sort((a, b) => a.ts - b.ts);
  }
}
