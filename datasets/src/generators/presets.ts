/**
 * Scale presets (DESIGN.md): the span each one covers, how many sites of each stream it
 * generates and how many anomalies it injects. Ends are fixed dates, never the wall clock, so
 * the same seed always yields the same bytes; `makeContext({ end })` overrides the end.
 */
import type { PresetName } from "./types.ts";

/** Anomalies injected per stream and kind. */
export interface AnomalyCounts {
  readonly energy: { readonly meter_leak: number; readonly data_gap: number };
  readonly septic: {
    readonly tank_filling: number;
    readonly stuck_sensor: number;
    readonly data_gap: number;
  };
  readonly air: { readonly stuck_sensor: number; readonly data_gap: number };
  readonly traffic: { readonly traffic_jam: number; readonly data_gap: number };
}

/** One preset. Site counts larger than the reference lists mean "all of them". */
export interface PresetSpec {
  readonly name: PresetName;
  /** Days covered, ending at `end`. */
  readonly days: number;
  /** Exclusive end: Asia/Shanghai midnight at the start of this date ("yesterday" is the last day). */
  readonly end: string;
  readonly batchSize: number;
  readonly sites: {
    /** Enterprises metered (each has one meter per carrier). */
    readonly energy: number;
    /** Counting cameras (of the 12,400; one or two counting lines each). */
    readonly traffic: number;
    readonly septic: number;
    readonly air: number;
    /** Enterprises with monthly credit rows. */
    readonly credit: number;
    /** Data-sharing catalog items (of 434). */
    readonly exchangeItems: number;
  };
  /** Mean 爱潼南 cases a day. */
  readonly casesPerDay: number;
  /** Mean vision alerts (crowding, stopped vehicle…) a day in the alert history. */
  readonly visionAlertsPerDay: number;
  readonly anomalies: AnomalyCounts;
}

const ALL = Number.POSITIVE_INFINITY;
/** The fixed anchor: demo and full end the day before it, tiny covers the two days before it. */
export const ANCHOR_DATE = "2026-11-25";

/** The three presets. */
export const PRESETS: Readonly<Record<PresetName, PresetSpec>> = {
  tiny: {
    name: "tiny",
    days: 2,
    end: ANCHOR_DATE,
    batchSize: 8_192,
    sites: { energy: 8, traffic: 3, septic: 6, air: 4, credit: 24, exchangeItems: 40 },
    casesPerDay: 160,
    visionAlertsPerDay: 3,
    anomalies: {
      energy: { meter_leak: 1, data_gap: 1 },
      septic: { tank_filling: 1, stuck_sensor: 1, data_gap: 1 },
      air: { stuck_sensor: 1, data_gap: 1 },
      traffic: { traffic_jam: 1, data_gap: 1 },
    },
  },
  demo: {
    name: "demo",
    days: 90,
    end: ANCHOR_DATE,
    batchSize: 65_536,
    sites: { energy: 90, traffic: 4, septic: 40, air: 30, credit: ALL, exchangeItems: 434 },
    casesPerDay: 160,
    visionAlertsPerDay: 3,
    anomalies: {
      energy: { meter_leak: 4, data_gap: 4 },
      septic: { tank_filling: 4, stuck_sensor: 3, data_gap: 3 },
      air: { stuck_sensor: 3, data_gap: 3 },
      traffic: { traffic_jam: 6, data_gap: 3 },
    },
  },
  full: {
    name: "full",
    days: 365,
    end: ANCHOR_DATE,
    batchSize: 262_144,
    sites: { energy: ALL, traffic: 12, septic: ALL, air: ALL, credit: ALL, exchangeItems: 434 },
    casesPerDay: 160,
    visionAlertsPerDay: 3,
    anomalies: {
      energy: { meter_leak: 10, data_gap: 10 },
      septic: { tank_filling: 10, stuck_sensor: 8, data_gap: 8 },
      air: { stuck_sensor: 6, data_gap: 6 },
      traffic: { traffic_jam: 20, data_gap: 8 },
    },
  },
};

/** The preset of a name; throws naming the valid ones. */
export function presetOf(name: string): PresetSpec {
  const p = (PRESETS as Record<string, PresetSpec | undefined>)[name];
  if (!p) throw new Error(`unknown preset "${name}"; expected one of ${Object.keys(PRESETS).join(", ")}`);
  return p;
}
