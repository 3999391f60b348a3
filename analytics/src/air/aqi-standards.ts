import type { Indicator } from "./pollutants.ts";

/** IAQI values at the breakpoints, shared by every indicator (HJ 633-2012 Table 1). */
export const IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Breakpoints of one indicator: concentration at each IAQI level, from 0 upwards. */
export interface BreakpointTable {
  /** `breakpoints[i]` is the concentration at `IAQI_LEVELS[i]`; may stop before 500. */
  readonly breakpoints: readonly number[];
  /**
   * Above the last breakpoint: `cap` reports the last IAQI level (500 for full tables; the
   * standard defines nothing beyond), `undefined` gives no IAQI because the standard says to
   * use another indicator instead (O3 8 h above 800 → O3 1 h; SO2 1 h above 800 → SO2 24 h).
   */
  readonly aboveTop: "cap" | "undefined";
}

/** Ids of the selectable AQI standards. */
export const AQI_STANDARD_IDS = ["hj633-2012", "hj633-2026-draft"] as const;
export type AqiStandardId = (typeof AQI_STANDARD_IDS)[number];

/** One AQI standard: its breakpoint tables and whether the values are confirmed. */
export interface AqiStandard {
  readonly id: AqiStandardId;
  readonly title: string;
  /** False when the values come from secondary sources only (see docs/kpis.md). */
  readonly confirmed: boolean;
  readonly note: string;
  readonly tables: Readonly<Record<Indicator, BreakpointTable>>;
}

const cap = (...breakpoints: number[]): BreakpointTable => ({ breakpoints, aboveTop: "cap" });

const HJ633_2012_TABLES: Readonly<Record<Indicator, BreakpointTable>> = {
  pm25_24h: cap(0, 35, 75, 115, 150, 250, 350, 500),
  pm10_24h: cap(0, 50, 150, 250, 350, 420, 500, 600),
  so2_24h: cap(0, 50, 150, 475, 800, 1600, 2100, 2620),
  no2_24h: cap(0, 40, 80, 180, 280, 565, 750, 940),
  co_24h: cap(0, 2, 4, 14, 24, 36, 48, 60),
  o3_8h: { breakpoints: [0, 100, 160, 215, 265, 800], aboveTop: "undefined" },
  o3_1h: cap(0, 160, 200, 300, 400, 800, 1000, 1200),
  so2_1h: { breakpoints: [0, 150, 500, 650, 800], aboveTop: "undefined" },
  // NO2 and CO 1 h rows are from HJ 633-2012 Table 1 (not listed in DOMAIN.md).
  no2_1h: cap(0, 100, 200, 700, 1200, 2340, 3090, 3840),
  co_1h: cap(0, 5, 10, 35, 60, 90, 120, 150),
};

/** The standards, by id. `hj633-2012` is the default. */
export const AQI_STANDARDS: Readonly<Record<AqiStandardId, AqiStandard>> = {
  "hj633-2012": {
    id: "hj633-2012",
    title: "HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）",
    confirmed: true,
    note: "In force since 2016-01-01 with GB 3095-2012.",
    tables: HJ633_2012_TABLES,
  },
  "hj633-2026-draft": {
    id: "hj633-2026-draft",
    title: "HJ 633 revision reported for 2026 (draft)",
    confirmed: false,
    note: "Unconfirmed: two secondary sources report PM2.5 24 h 75→60 and PM10 24 h 150→120 µg/m³ at IAQI 100; all else as 2012.",
    tables: {
      ...HJ633_2012_TABLES,
      pm25_24h: cap(0, 35, 60, 115, 150, 250, 350, 500),
      pm10_24h: cap(0, 50, 120, 250, 350, 420, 500, 600),
    },
  },
};

/** The default standard. */
export const DEFAULT_AQI_STANDARD: AqiStandardId = "hj633-2012";

/**
 * Looks a standard up by id.
 * @throws Error listing the known ids when `id` is not one.
 */
export function aqiStandard(id: AqiStandardId = DEFAULT_AQI_STANDARD): AqiStandard {
  const s = AQI_STANDARDS[id] as AqiStandard | undefined;
  if (!s)
    throw new Error(
      `unknown AQI standard "${String(id)}": expected one of ${Object.keys(AQI_STANDARDS).join(", ")}`,
    );
  return s;
}

/** One linear segment of a breakpoint table: concentrations [cLo, cHi] map to IAQI [iLo, iHi]. */
export interface IaqiSegment {
  readonly cLo: number;
  readonly cHi: number;
  readonly iLo: number;
  readonly iHi: number;
}

/** The segments of a breakpoint table, in order. Both the TS and the SQL IAQI use these. */
export function iaqiSegments(table: BreakpointTable): IaqiSegment[] {
  const out: IaqiSegment[] = [];
  for (let i = 1; i < table.breakpoints.length; i++) {
    out.push({
      cLo: table.breakpoints[i - 1] as number,
      cHi: table.breakpoints[i] as number,
      iLo: IAQI_LEVELS[i - 1] as number,
      iHi: IAQI_LEVELS[i] as number,
    });
  }
  return out;
}
