// Test support only: a deterministic energy_daily_town extract, its Arrow IPC stream bytes,
// and the same rows as SQL for a native DuckDB to compute expected answers from.
import { DateDay, Float64, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";

/** A town in the fixture. */
export interface FixtureTown {
  code: string;
  name: string;
}

/** One extract row. */
export interface EnergyRow {
  day: string;
  town_code: string;
  town_name: string;
  carrier: string;
  value: number;
  tce: number;
}

/** tce per native unit (GB/T 2589 reference coefficients; oil as diesel by volume). */
const TCE_PER_UNIT: Record<string, number> = {
  electricity: 0.0001229,
  water: 0.0000857,
  gas: 0.0012143,
  oil: 0.001224,
};
const BASE: Record<string, number> = { electricity: 200_000, water: 5_000, gas: 8_000, oil: 3_000 };

/** Tongnan's towns and streets with their official codes. */
export const TONGNAN_TOWNS: readonly FixtureTown[] = (
  "001桂林街道 002梓潼街道 003大佛街道 101上和镇 102龙形镇 103古溪镇 104宝龙镇 107玉溪镇 108米心镇 109群力镇 110双江镇 112花岩镇 " +
  "113柏梓镇 114崇龛镇 115塘坝镇 116新胜镇 117太安镇 119小渡镇 120卧佛镇 121五桂镇 122田家镇 123别口镇 124寿桥镇"
)
  .split(" ")
  .map((s) => ({ code: `500152${s.slice(0, 3)}`, name: s.slice(3) }));

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `days` days from `start` (YYYY-MM-DD) × towns × 4 carriers, seeded. */
export function energyRows(options: {
  start: string;
  days: number;
  towns?: readonly FixtureTown[];
  seed?: number;
}): EnergyRow[] {
  const rand = random(options.seed ?? 7);
  const towns = options.towns ?? TONGNAN_TOWNS;
  const rows: EnergyRow[] = [];
  const t0 = Date.parse(`${options.start}T00:00:00Z`);
  for (let d = 0; d < options.days; d++) {
    const day = new Date(t0 + d * 86_400_000).toISOString().slice(0, 10);
    const weekly = [0.82, 1, 1.04, 1.05, 1.03, 1.02, 0.86][new Date(t0 + d * 86_400_000).getUTCDay()] ?? 1;
    towns.forEach((town, i) => {
      const size = i < 3 ? 3.2 : 0.5 + ((i * 37) % 11) / 10;
      for (const carrier of Object.keys(BASE)) {
        const value = Math.round((BASE[carrier] ?? 0) * size * weekly * (0.85 + 0.3 * rand()) * 100) / 100;
        rows.push({
          day,
          town_code: town.code,
          town_name: town.name,
          carrier,
          value,
          tce: value * (TCE_PER_UNIT[carrier] ?? 0),
        });
      }
    });
  }
  return rows;
}

/** The rows as an uncompressed Arrow IPC stream, with `day` as DateDay. */
export function energyArrowStream(rows: readonly EnergyRow[]): Uint8Array {
  const table = new Table({
    day: vectorFromArray(
      rows.map((r) => new Date(`${r.day}T00:00:00Z`)),
      new DateDay(),
    ),
    town_code: vectorFromArray(
      rows.map((r) => r.town_code),
      new Utf8(),
    ),
    town_name: vectorFromArray(
      rows.map((r) => r.town_name),
      new Utf8(),
    ),
    carrier: vectorFromArray(
      rows.map((r) => r.carrier),
      new Utf8(),
    ),
    value: vectorFromArray(
      rows.map((r) => r.value),
      new Float64(),
    ),
    tce: vectorFromArray(
      rows.map((r) => r.tce),
      new Float64(),
    ),
  });
  return tableToIPC(table, "stream");
}

/** SQL that creates the same table in a native DuckDB (values are ours, so inlining is safe). */
export function energySql(rows: readonly EnergyRow[]): string[] {
  const values = rows.map(
    (r) => `('${r.day}','${r.town_code}','${r.town_name}','${r.carrier}',${r.value},${r.tce})`,
  );
  return [
    "CREATE TABLE energy_daily_town (day DATE, town_code VARCHAR, town_name VARCHAR, carrier VARCHAR, value DOUBLE, tce DOUBLE)",
    `INSERT INTO energy_daily_town VALUES ${values.join(",")}`,
  ];
}
