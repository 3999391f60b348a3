/**
 * Hand-made columnar batches for the writers' tests and benchmark: every field kind, dictionary
 * and plain text, nulls, and text that needs quoting (commas, quotes, line breaks, Chinese).
 */
import type { ColumnBatch } from "../schema/index.ts";

const T0 = Date.UTC(2026, 2, 1);
const MIN15 = 15 * 60_000;

const INDUSTRIES = ["equipment", "chemical", "consumer", "building", "eco", "lemon"];
const CARRIERS = ["electricity", "water", "gas", "oil"];
const TOWNS = Array.from({ length: 23 }, (_, i) => `500152${String(i + 1).padStart(3, "0")}`);

/**
 * Energy-like batches: `meters` meters × as many 15-minute intervals as `rows` needs, in time
 * order per meter, `batchSize` rows a batch; one dictionary per field for the whole stream.
 */
export function* energyBatches(rows: number, batchSize = 65_536, meters = 2000): Generator<ColumnBatch> {
  const meterIds = Array.from(
    { length: meters },
    (_, i) => `ENT-${String(i >> 2).padStart(4, "0")}-${"EWGO"[i & 3]}`,
  );
  const enterprises = Array.from(
    { length: (meters + 3) >> 2 },
    (_, i) => `ENT-${String(i).padStart(4, "0")}`,
  );
  const perMeter = Math.ceil(rows / meters);
  let state = 12345;
  for (let start = 0; start < rows; start += batchSize) {
    const n = Math.min(batchSize, rows - start);
    const ts = new Float64Array(n);
    const meter = new Int32Array(n);
    const ent = new Int32Array(n);
    const ind = new Int32Array(n);
    const town = new Int32Array(n);
    const carrier = new Int32Array(n);
    const value = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = start + i;
      const m = Math.floor(r / perMeter);
      ts[i] = T0 + (r % perMeter) * MIN15;
      meter[i] = m;
      ent[i] = m >> 2;
      ind[i] = (m >> 2) % INDUSTRIES.length;
      town[i] = (m >> 2) % TOWNS.length;
      carrier[i] = m & 3;
      state = (state * 1103515245 + 12345) >>> 0;
      value[i] = Math.round((state / 4294967296) * 100_000) / 100;
    }
    yield {
      length: n,
      columns: {
        ts,
        meter_id: { codes: meter, dictionary: meterIds },
        enterprise_id: { codes: ent, dictionary: enterprises },
        industry: { codes: ind, dictionary: INDUSTRIES },
        town_code: { codes: town, dictionary: TOWNS },
        carrier: { codes: carrier, dictionary: CARRIERS },
        value,
      },
    };
  }
}

/** Alerts with every awkward value: quoting, Chinese, empty text, nulls of every kind. */
export function alertsBatch(): ColumnBatch {
  const rules = ["septic.ch4.high", "energy.leak", 'odd "rule", with, commas'];
  return {
    length: 4,
    columns: {
      alert_id: ["A-1", "A-2", "A,3", 'A"4'],
      ts: new Float64Array([T0, T0 + 1, T0 + 60_000, Date.UTC(2026, 11, 31, 23, 59, 59, 999)]),
      source: { codes: new Int32Array([0, 1, 2, 3]), dictionary: ["septic", "energy", "traffic", "vision"] },
      rule: { codes: new Int32Array([0, 1, 2, 0]), dictionary: rules },
      severity: ["critical", "major", "minor", "info"],
      site_id: { codes: new Int32Array([0, -1, 1, -1]), dictionary: ["SEP-001", "CAM-00001"] },
      town_code: ["500152001", null, "500152003", " padded "],
      lon: [105.84, null, 105.9, -0.5],
      lat: [30.19, null, 30.2, 1e-7],
      message: [
        "甲烷浓度超限，请立即处置",
        "line one\nline two",
        'say "hi", then\r\nleave',
        "tab\tand 'single'",
      ],
      evidence: [null, "snapshots/a.jpg", null, "x"],
      status: { codes: new Int32Array([0, 1, 2, 0]), dictionary: ["open", "ack", "closed"] },
      updated_at: [T0, T0 + 5, T0 + 60_000, T0 + 86_400_000],
      actor: [null, "张三", null, null],
    },
  };
}

/** Credit rows with dates as epoch days (one batch) and as text (another). */
export function creditBatches(): ColumnBatch[] {
  const days = (y: number, m: number) => Date.UTC(y, m, 1) / 86_400_000;
  const base = {
    enterprise_id: { codes: new Int32Array([0, 1, 0]), dictionary: ["ENT-0001", "ENT-0002"] },
    town_code: ["500152001", "500152002", "500152001"],
    rating: { codes: new Int32Array([0, 3, 1]), dictionary: ["A", "B", "C", "D"] },
    red_list: new Int32Array([1, 0, 2]),
    black_list: [0, 3, 0],
    queries: new Int32Array([10, 200, 0]),
    joint_rewards: new Int32Array([0, 0, 1]),
    joint_punishments: new Int32Array([0, 2, 0]),
  };
  return [
    { length: 3, columns: { ...base, month: new Int32Array([days(2026, 0), days(2026, 0), days(2026, 1)]) } },
    { length: 3, columns: { ...base, month: ["2026-03-01", "2026-03-01", "2026-04-01"] } },
  ];
}

/** Cases with a nullable timestamp and a growing dictionary (a second array in batch 2). */
export function casesBatches(): ColumnBatch[] {
  const apps1 = ["城管随手拍"];
  const apps2 = ["城管随手拍", "环保随手拍"];
  const cols = (ids: string[], apps: string[], codes: number[], closed: (number | null)[]) => ({
    case_id: ids,
    app: { codes: new Int32Array(codes), dictionary: apps },
    category: ids.map(() => "占道经营"),
    town_code: ids.map(() => "500152001"),
    lon: new Float64Array(ids.map(() => 105.8)),
    lat: new Float64Array(ids.map(() => 30.1)),
    opened_at: new Float64Array(ids.map((_, i) => T0 + i * 1000)),
    closed_at: closed,
    status: ids.map((_, i) => (closed[i] === null ? "open" : "closed")),
  });
  return [
    { length: 2, columns: cols(["C1", "C2"], apps1, [0, 0], [null, T0 + 3_600_000]) },
    { length: 2, columns: cols(["C3", "C4"], apps2, [1, 0], [T0 + 7_200_000, null]) },
  ];
}
