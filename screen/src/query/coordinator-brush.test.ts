import { brushFilters, buildSql, withFilters } from "@citybrain/analytics/browser";
import type { BrushBins, QueryConnector, QuerySpec, Row } from "@citybrain/analytics/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator } from "./coordinator.ts";
import { openNodeDb, type NodeDb } from "./duckdb-node.test-support.ts";
import type { QueryClient } from "./query-client.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb([
    // 30 days of hourly energy over 6 towns and 3 carriers.
    `CREATE TABLE energy_hourly AS
     SELECT TIMESTAMP '2026-01-01 00:00:00' + to_hours(h) AS ts, 'T' || (i % 6) AS town_code,
            ['electricity', 'water', 'gas'][1 + (i + h) % 3] AS carrier,
            'E' || (i * 13 + h % 5) AS enterprise_id, ((i * 37 + h * 11) % 997) / 10.0 AS tce
     FROM range(0, 30 * 24) r(h), range(0, 24) s(i)`,
  ]);
});
afterAll(() => db.close());

class Recorder implements QueryClient {
  last: Record<string, Row[]> | undefined;
  constructor(
    readonly id: string,
    private readonly spec: QuerySpec,
    readonly filterBy?: readonly string[],
  ) {}
  specs() {
    return { main: this.spec };
  }
  update(results: Record<string, Row[]>) {
    this.last = results;
  }
  error(e: Error) {
    throw e;
  }
}

function recording(inner: QueryConnector): QueryConnector & { calls: string[] } {
  const calls: string[] = [];
  return { calls, query: (sql, params) => (calls.push(sql), inner.query(sql, params)) };
}

const BY_TOWN: QuerySpec = {
  from: "energy_hourly",
  dimensions: [{ field: "town_code" }],
  measures: [
    { field: "tce", agg: "sum", as: "tce" },
    { field: "tce", agg: "avg" },
  ],
  orderBy: [{ field: "tce", dir: "desc" }],
};
const BY_CARRIER: QuerySpec = {
  from: "energy_hourly",
  dimensions: [{ field: "carrier" }],
  measures: [
    { field: "*", agg: "count" },
    { field: "tce", agg: "max" },
  ],
};
const ENTERPRISES: QuerySpec = {
  from: "energy_hourly",
  measures: [{ field: "enterprise_id", agg: "count_distinct", as: "enterprises" }],
};
const TIMELINE: QuerySpec = {
  from: "energy_hourly",
  dimensions: [{ field: "ts", grain: "day", as: "day" }],
  measures: [{ field: "tce", agg: "sum", as: "tce" }],
};

const round = (rows: Row[] | undefined) =>
  rows?.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v]),
    ),
  );

describe("Coordinator brushing over cubes", () => {
  it("answers every brush move from the cubes, exactly as direct queries, and goes direct after", async () => {
    const connector = recording(db);
    const coordinator = new Coordinator(connector);
    const timeline = new Recorder("timeline", TIMELINE);
    const towns = new Recorder("towns", BY_TOWN);
    const carriers = new Recorder("carriers", BY_CARRIER);
    const enterprises = new Recorder("enterprises", ENTERPRISES);
    const unfiltered = new Recorder("unfiltered", BY_TOWN, []);
    [timeline, towns, carriers, enterprises, unfiltered].forEach((c) => coordinator.connect(c));
    const fields = { energy_hourly: await db.describe("energy_hourly") };
    await coordinator.setFields(fields);
    // Another selection is live: the cubes must hold it.
    await coordinator.select("carrier", {
      source: "carriers",
      value: "gas",
      label: "gas",
      filters: [{ field: "carrier", op: "neq", values: ["gas"] }],
    });

    const bins: BrushBins = { field: "ts", start: T0, step: HOUR };
    await coordinator.brushStart("time", "timeline", bins);
    const unfilteredBefore = unfiltered.last;
    const timelineBefore = timeline.last;
    const direct = async (spec: QuerySpec, range: [number, number], extra = true) => {
      const filters = brushFilters(bins, range, "timestamp");
      const others = extra ? [{ field: "carrier", op: "neq" as const, values: ["gas"] }] : [];
      const { sql, params } = buildSql(withFilters(spec, [...others, ...filters]), {
        fields: fields.energy_hourly,
      });
      return round(await db.query(sql, params));
    };
    for (const range of [
      [T0 + 5 * HOUR, T0 + 40 * HOUR],
      [T0 + 48 * HOUR, T0 + 49 * HOUR],
      [T0 + 100 * HOUR, T0 + 100 * HOUR],
      [T0, T0 + 30 * 24 * HOUR],
    ] as [number, number][]) {
      const before = connector.calls.length;
      await coordinator.brush(range, "brush");
      const moves = connector.calls.slice(before);
      // Cube queries only, except the spec that cannot be cubed.
      expect(moves.filter((sql) => /FROM "energy_hourly"/.test(sql))).toHaveLength(1);
      expect(moves.filter((sql) => /FROM "__cube_\d+"/.test(sql))).toHaveLength(2);
      expect(round(towns.last?.main)).toEqual(await direct(BY_TOWN, range));
      // The carriers panel made the carrier selection: it is not filtered by it.
      expect(round(carriers.last?.main)).toEqual(await direct(BY_CARRIER, range, false));
      expect(round(enterprises.last?.main)).toEqual(await direct(ENTERPRISES, range));
    }
    expect(unfiltered.last).toBe(unfilteredBefore); // filterBy: [] — never re-queried
    expect(timeline.last).toBe(timelineBefore); // the brushing chart is not filtered by its own brush

    await coordinator.brushEnd();
    expect(coordinator.selections.get("time")?.filters).toEqual(
      brushFilters(bins, [T0, T0 + 30 * 24 * HOUR], "timestamp"),
    );
    const tables = await db.query(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__cube_%'",
      [],
    );
    expect(tables).toEqual([{ n: 0 }]);
    const before = connector.calls.length;
    await coordinator.select("carrier", null);
    expect(connector.calls.slice(before).every((sql) => !sql.includes("__cube_"))).toBe(true);
    expect(round(towns.last?.main)).toEqual(await direct(BY_TOWN, [T0, T0 + 30 * 24 * HOUR], false));
  });

  it("drops the cubes when another selection changes mid-brush, and stays right", async () => {
    const coordinator = new Coordinator(db);
    const towns = new Recorder("towns", BY_TOWN);
    coordinator.connect(towns);
    const fields = { energy_hourly: await db.describe("energy_hourly") };
    await coordinator.setFields(fields);
    const bins: BrushBins = { field: "ts", start: T0, step: HOUR };
    await coordinator.brushStart("time", "timeline", bins);
    await coordinator.brush([T0, T0 + 10 * HOUR], "brush");
    await coordinator.select("carrier", {
      source: "x",
      value: "water",
      label: "water",
      filters: [{ field: "carrier", op: "eq", values: ["water"] }],
    });
    const { sql, params } = buildSql(
      withFilters(BY_TOWN, [
        ...brushFilters(bins, [T0, T0 + 10 * HOUR], "timestamp"),
        { field: "carrier", op: "eq", values: ["water"] },
      ]),
      { fields: fields.energy_hourly },
    );
    expect(round(towns.last?.main)).toEqual(round(await db.query(sql, params)));
    await expect(coordinator.brush([T0, T0 + HOUR], "brush")).rejects.toThrow(/brush\(\) without brushStart/);
  });

  it("builds the cubes ahead with prepareBrush, so brushStart finds them ready", async () => {
    const connector = recording(db);
    const coordinator = new Coordinator(connector);
    const towns = new Recorder("towns", BY_TOWN);
    coordinator.connect(towns);
    await coordinator.setFields({ energy_hourly: await db.describe("energy_hourly") });
    const bins: BrushBins = { field: "ts", start: T0, step: HOUR };
    const builds = () => connector.calls.filter((sql) => sql.startsWith("CREATE OR REPLACE TABLE")).length;
    await coordinator.prepareBrush("time", "timeline", bins);
    expect(builds()).toBe(1);
    await coordinator.brushStart("time", "timeline", bins);
    expect(builds()).toBe(1); // ready: nothing rebuilt on pointer down
    await coordinator.brush([T0, T0 + 5 * HOUR], "brush");
    expect(connector.calls.at(-1)).toMatch(/FROM "__cube_\d+"/);
    // Other bins, or another selection in between, build afresh.
    await coordinator.brushStart("time", "timeline", { ...bins, step: 2 * HOUR });
    expect(builds()).toBe(2);
    await coordinator.select("carrier", {
      source: "x",
      value: "gas",
      label: "gas",
      filters: [{ field: "carrier", op: "eq", values: ["gas"] }],
    });
    await coordinator.brushStart("time", "timeline", { ...bins, step: 2 * HOUR });
    expect(builds()).toBe(3);
    await coordinator.brushEnd();
  });
});
