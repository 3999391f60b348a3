import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBNodeConnector, DuckDBStore } from "@citybrain/analytics";
import { queryRoutes } from "./index.ts";

describe("POST /query", () => {
  let store: DuckDBStore;
  let app: Hono;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    await store.exec(
      `CREATE TABLE energy_daily_town AS SELECT DATE '2026-03-01' + (i % 5)::INTEGER AS day, 'T' || (i % 3) AS town_code,
        CASE WHEN i % 2 = 0 THEN 'electricity' ELSE 'gas' END AS carrier, i::DOUBLE AS tce FROM range(30) r(i)`,
    );
    app = new Hono().route(
      "/api",
      queryRoutes({
        connector: new DuckDBNodeConnector(store.instance),
        sources: ["energy_daily_town"],
        maxRows: 4,
      }),
    );
  });
  afterAll(() => store.close());

  const post = (body: unknown) =>
    app.request("/api/query", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });

  it("answers a spec with the rows native DuckDB computes", async () => {
    const res = await post({
      from: "energy_daily_town",
      dimensions: [{ field: "carrier" }],
      measures: [{ field: "tce", agg: "sum" }],
      filters: [{ field: "town_code", op: "eq", values: ["T0"] }],
      orderBy: [{ field: "carrier" }],
    });
    expect(res.status).toBe(200);
    // T0: i = 0,3,…,27; even i → electricity 0+6+12+18+24 = 60; odd → gas 3+9+15+21+27 = 75.
    expect(await res.json()).toMatchObject({
      columns: ["carrier", "sum_tce"],
      rows: [
        { carrier: "electricity", sum_tce: 60 },
        { carrier: "gas", sum_tce: 75 },
      ],
      truncated: false,
    });
  });

  it("answers CSV for a spreadsheet: BOM, CRLF, quoting, formula text defused, truncation said", async () => {
    const res = await app.request("/api/query?format=csv", {
      method: "POST",
      body: JSON.stringify({
        from: "energy_daily_town",
        dimensions: [{ field: "carrier" }, { field: "town_code", as: "town" }],
        measures: [{ field: "tce", agg: "sum" }],
        orderBy: [{ field: "carrier" }, { field: "town" }],
      }),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="energy_daily_town-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''energy_daily_town-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(res.headers.get("X-Truncated")).toBe("true"); // 6 groups, maxRows 4
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // electricity: even i; T0 → 0+6+…+24 = 60, T1 → 4+10+…+28 = 80, T2 → 2+8+…+26 = 70.
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      "carrier,town,sum_tce\r\nelectricity,T0,60\r\nelectricity,T1,80\r\nelectricity,T2,70\r\ngas,T0,75\r\n",
    );
    const bad = await app.request("/api/query?format=xlsx", { method: "POST", body: "{}" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { message: 'format: expected json or csv, got "xlsx"' },
    });
  });

  it("caps rows and says so", async () => {
    const res = await post({
      from: "energy_daily_town",
      dimensions: [{ field: "day" }, { field: "town_code" }],
      measures: [{ field: "*", agg: "count" }],
    });
    const body = (await res.json()) as { rows: unknown[]; truncated: boolean };
    expect(body.rows).toHaveLength(4);
    expect(body.truncated).toBe(true);
  });

  it("rejects bad specs naming the path, never running raw SQL", async () => {
    const unknownSource = await post({ from: "users", measures: [{ field: "*", agg: "count" }] });
    expect(unknownSource.status).toBe(400);
    expect(await unknownSource.json()).toMatchObject({
      error: { code: "bad_spec", details: { path: "from" } },
    });
    const injection = await post({
      from: "energy_daily_town",
      measures: [{ field: "tce); DROP TABLE x; --", agg: "sum" }],
    });
    expect(injection.status).toBe(400);
    expect(((await injection.json()) as { error: { message: string } }).error.message).toMatch(
      /measures\.0\.field/,
    );
    const unknownField = await post({ from: "energy_daily_town", measures: [{ field: "nope", agg: "sum" }] });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(await unknownField.json())).toContain("nope");
    const notJson = await app.request("/api/query", {
      method: "POST",
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(notJson.status).toBe(400);
  });

  // Found by src/fuzz.test.ts: each of these used to reach DuckDB and answer 500.
  it.each([
    [
      { field: "day", op: "eq", values: ["abc"] },
      'filters[0].values[0]: field "day": expected a date YYYY-MM-DD, got "abc"',
    ],
    [{ field: "day", op: "eq", values: ["2026-02-30"] }, "expected a date YYYY-MM-DD"],
    [{ field: "tce", op: "gt", values: ["abc"] }, 'field "tce": expected a number, got "abc"'],
    [{ field: "tce", op: "gt", values: [true] }, "expected a number, got true"],
    [{ field: "tce", op: "lt", values: [1e300] }, "1e+300 is out of range"],
    [
      { field: "town_code", op: "in", values: ["T0", 5] },
      'filters[0].values[1]: field "town_code": expected text, got 5',
    ],
  ])("answers 400 for a filter value the column cannot take (%j)", async (filter, message) => {
    const res = await post({
      from: "energy_daily_town",
      measures: [{ field: "*", agg: "count" }],
      filters: [filter],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_spec");
    expect(body.error.message).toContain(message);
  });

  it("answers 400, not 500, when DuckDB itself refuses a value", async () => {
    await store.exec("CREATE TABLE odd AS SELECT INTERVAL 1 DAY AS span, 1 AS n");
    const odd = new Hono().route(
      "/api",
      queryRoutes({ connector: new DuckDBNodeConnector(store.instance), sources: ["odd"] }),
    );
    const res = await odd.request("/api/query", {
      method: "POST",
      body: JSON.stringify({
        from: "odd",
        measures: [{ field: "n", agg: "sum" }],
        filters: [{ field: "span", op: "eq", values: ["abc"] }],
      }),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: "bad_spec",
        message: expect.stringMatching(/^the database refused this spec: Conversion Error/),
      },
    });
  });
});
