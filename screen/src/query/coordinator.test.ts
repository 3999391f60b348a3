import type { QueryConnector, QuerySpec, Row } from "@citybrain/analytics/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator } from "./coordinator.ts";
import { ENERGY_SQL, openNodeDb } from "./duckdb-node.test-support.ts";
import type { NodeDb } from "./duckdb-node.test-support.ts";
import type { QueryClient, SelectionClause, Selections } from "./query-client.ts";

let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb(ENERGY_SQL);
});
afterAll(() => db.close());

const TOTAL: QuerySpec = { from: "energy_daily_town", measures: [{ field: "tce", agg: "sum", as: "tce" }] };
const BY_TOWN: QuerySpec = { ...TOTAL, dimensions: [{ field: "town_code" }] };

class Recorder implements QueryClient {
  results: Record<string, Row[]>[] = [];
  errors: Error[] = [];
  highlights: (string | undefined)[] = [];
  constructor(
    readonly id: string,
    private readonly spec: QuerySpec,
    readonly filterBy?: readonly string[],
  ) {}
  specs() {
    return { main: this.spec };
  }
  update(results: Record<string, Row[]>) {
    this.results.push(results);
  }
  error(e: Error) {
    this.errors.push(e);
  }
  selectionChanged(s: Selections) {
    this.highlights.push(s.get("town")?.value);
  }
  get last() {
    return this.results.at(-1)?.main;
  }
}

const town = (code: string, source = "map"): SelectionClause => ({
  source,
  value: code,
  label: code,
  filters: [{ field: "town_code", op: "eq", values: [code] }],
});

function counting(inner: QueryConnector): QueryConnector & { calls: string[] } {
  const calls: string[] = [];
  return { calls, query: (sql, params) => (calls.push(sql), inner.query(sql, params)) };
}

describe("Coordinator on a real DuckDB", () => {
  it("answers clients when fields arrive, then crossfilters on selection", async () => {
    const coordinator = new Coordinator(db);
    const kpi = new Recorder("kpi", TOTAL);
    const map = new Recorder("map", BY_TOWN, []);
    const ranking = new Recorder("ranking", BY_TOWN);
    [kpi, map, ranking].forEach((c) => coordinator.connect(c));
    await coordinator.setFields({ energy_daily_town: await db.describe("energy_daily_town") });
    expect(kpi.last).toEqual([{ tce: 8.25 }]);
    expect(map.last).toEqual([
      { town_code: "T1", tce: 3.5 },
      { town_code: "T2", tce: 4.75 },
    ]);

    await coordinator.select("town", town("T2"));
    expect(kpi.last).toEqual([{ tce: 4.75 }]);
    expect(map.results).toHaveLength(1); // filterBy: [] — highlighted, not filtered
    expect(map.highlights).toEqual(["T2"]);
    expect(ranking.last).toEqual([{ town_code: "T2", tce: 4.75 }]); // listens to all selections

    await coordinator.select("town", null);
    expect(kpi.last).toEqual([{ tce: 8.25 }]);
    expect(map.highlights).toEqual(["T2", undefined]);
  });

  it("never filters a client by its own selection", async () => {
    const coordinator = new Coordinator(db);
    const ranking = new Recorder("ranking", BY_TOWN);
    coordinator.connect(ranking);
    await coordinator.setFields({ energy_daily_town: await db.describe("energy_daily_town") });
    await coordinator.select("town", town("T1", "ranking"));
    expect(ranking.results).toHaveLength(1);
    expect(coordinator.effectiveSpec(ranking, BY_TOWN)).toEqual(BY_TOWN);
  });

  it("runs identical queries once and reuses them", async () => {
    const connector = counting(db);
    const coordinator = new Coordinator(connector);
    coordinator.connect(new Recorder("a", TOTAL));
    coordinator.connect(new Recorder("b", TOTAL));
    await coordinator.setFields({ energy_daily_town: await db.describe("energy_daily_town") });
    expect(connector.calls).toHaveLength(1);
  });

  it("drops a stale answer when a newer selection overtakes it", async () => {
    let slow = true;
    const connector: QueryConnector = {
      async query(sql, params) {
        const rows = await db.query(sql, params);
        if (slow && params.includes("T1")) await new Promise((r) => setTimeout(r, 100));
        return rows;
      },
    };
    const coordinator = new Coordinator(connector);
    const kpi = new Recorder("kpi", TOTAL);
    coordinator.connect(kpi);
    await coordinator.setFields({ energy_daily_town: await db.describe("energy_daily_town") });
    const first = coordinator.select("town", town("T1"));
    await coordinator.select("town", town("T2"));
    await first;
    slow = false;
    expect(kpi.last).toEqual([{ tce: 4.75 }]);
    expect(kpi.results.map((r) => r.main)).not.toContainEqual([{ tce: 3.5 }]);
  });

  it("reports a bad spec to the client, naming the field", async () => {
    const coordinator = new Coordinator(db);
    const bad = new Recorder("bad", { from: "energy_daily_town", measures: [{ field: "tec", agg: "sum" }] });
    coordinator.connect(bad);
    await coordinator.setFields({ energy_daily_town: await db.describe("energy_daily_town") });
    expect(bad.errors[0]?.message).toContain('unknown field "tec" in extract "energy_daily_town"');
  });
});
