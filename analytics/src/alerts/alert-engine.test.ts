import { describe, expect, it } from "vitest";
import type { AlertRow, Reading } from "./alert-row.ts";
import { AlertEngine } from "./alert-engine.ts";

const T0 = Date.UTC(2026, 2, 1, 2, 0); // 2026-03-01 10:00 Shanghai
const MIN = 60_000;

function septic(
  values: readonly (number | null)[],
  field = "ch4_lel",
  site = "SEP-012",
  stepMin = 5,
): Reading[] {
  return values.map((v, i) => ({
    source: "septic",
    site_id: site,
    ts: T0 + i * stepMin * MIN,
    town_code: "500152001",
    values: { [field]: v },
  }));
}

function run(engine: AlertEngine, readings: readonly Reading[]): AlertRow[] {
  return readings.flatMap((r) => engine.push(r));
}

/** The parts of a row a reader checks: [id, status, severity, minutes after T0, message]. */
const brief = (rows: readonly AlertRow[]) =>
  rows.map((r) => [r.alert_id, r.status, r.severity, (r.updated_at - T0) / MIN, r.message]);

describe("AlertEngine threshold rules", () => {
  it("flapping around both thresholds is one alert: raised, escalated once, cleared once", () => {
    // 26 raises minor; 24/26/24.5/27 flap around 25; 51 escalates; 49/50.5/48 flap around 50;
    // 22 and 21 are below 25 but inside the 5 %LEL margin; 19 clears.
    const series = [10, 26, 24, 26, 24.5, 27, 51, 49, 50.5, 48, 30, 22, 21, 19, 18];
    expect(brief(run(new AlertEngine(), septic(series)))).toEqual([
      [
        "septic.ch4:SEP-012:20260301T020500Z",
        "open",
        "minor",
        5,
        "SEP-012 甲烷浓度 26.0 %LEL，超过三级阈值 25 %LEL",
      ],
      [
        "septic.ch4:SEP-012:20260301T020500Z",
        "open",
        "critical",
        30,
        "SEP-012 甲烷浓度 51.0 %LEL，超过一级阈值 50 %LEL",
      ],
      [
        "septic.ch4:SEP-012:20260301T020500Z",
        "closed",
        "critical",
        65,
        "SEP-012 甲烷浓度 51.0 %LEL，超过一级阈值 50 %LEL",
      ],
    ]);
  });

  it("clears after clearAfter consecutive normal readings inside the margin", () => {
    const rows = run(new AlertEngine(), septic([52.3, 24, 23, 22, 21, 24, 23, 22], "ch4_lel"));
    expect(brief(rows)).toEqual([
      [
        "septic.ch4:SEP-012:20260301T020000Z",
        "open",
        "critical",
        0,
        "SEP-012 甲烷浓度 52.3 %LEL，超过一级阈值 50 %LEL",
      ],
      [
        "septic.ch4:SEP-012:20260301T020000Z",
        "closed",
        "critical",
        30,
        "SEP-012 甲烷浓度 52.3 %LEL，超过一级阈值 50 %LEL",
      ],
    ]);
  });

  it("a reading back above the threshold resets the count of normal readings", () => {
    const rows = run(new AlertEngine(), septic([26, 24, 24, 24, 24, 24, 26, 24, 24, 24, 24, 24, 24]));
    expect(rows.map((r) => [r.status, (r.updated_at - T0) / MIN])).toEqual([
      ["open", 0],
      ["closed", 60],
    ]);
  });

  it("a new condition after a clear is a new alert with its own id", () => {
    const rows = run(new AlertEngine(), septic([12, 4, 11, 4], "h2s_ppm"));
    expect(brief(rows)).toEqual([
      [
        "septic.h2s:SEP-012:20260301T020000Z",
        "open",
        "minor",
        0,
        "SEP-012 硫化氢浓度 12.0 ppm，超过三级阈值 10 ppm",
      ],
      [
        "septic.h2s:SEP-012:20260301T020000Z",
        "closed",
        "minor",
        5,
        "SEP-012 硫化氢浓度 12.0 ppm，超过三级阈值 10 ppm",
      ],
      [
        "septic.h2s:SEP-012:20260301T021000Z",
        "open",
        "minor",
        10,
        "SEP-012 硫化氢浓度 11.0 ppm，超过三级阈值 10 ppm",
      ],
      [
        "septic.h2s:SEP-012:20260301T021000Z",
        "closed",
        "minor",
        15,
        "SEP-012 硫化氢浓度 11.0 ppm，超过三级阈值 10 ppm",
      ],
    ]);
  });

  it("keeps one alert per rule and site; other sites and rules are independent", () => {
    const a = septic([60, 60], "ch4_lel", "SEP-001");
    const b = septic([60, 60], "ch4_lel", "SEP-002");
    const level = septic([91, 91], "level_pct", "SEP-001");
    const rows = run(new AlertEngine(), [a[0], b[0], level[0], a[1], b[1], level[1]] as Reading[]);
    expect(rows.map((r) => r.alert_id)).toEqual([
      "septic.ch4:SEP-001:20260301T020000Z",
      "septic.ch4:SEP-002:20260301T020000Z",
      "septic.level:SEP-001:20260301T020000Z",
    ]);
    expect(rows[2]).toMatchObject({
      severity: "major",
      source: "septic",
      town_code: "500152001",
      status: "open",
    });
  });

  it("walks the AQI bands with their names and escalates on the same alert", () => {
    const air = [90, 101, 160, 230, 310, 95, 80].map((aqi, i): Reading => ({
      source: "air",
      site_id: "AIR-03",
      ts: T0 + i * 60 * MIN,
      values: { aqi },
    }));
    const rows = run(new AlertEngine(), air);
    expect(rows.map((r) => [r.severity, r.status, r.message])).toEqual([
      ["minor", "open", "AIR-03 AQI 101，轻度污染（超过 100）"],
      ["major", "open", "AIR-03 AQI 160，中度污染（超过 150）"],
      ["major", "open", "AIR-03 AQI 230，重度污染（超过 200）"],
      ["critical", "open", "AIR-03 AQI 310，严重污染（超过 300）"],
      ["critical", "closed", "AIR-03 AQI 310，严重污染（超过 300）"],
    ]);
    expect(new Set(rows.map((r) => r.alert_id))).toEqual(new Set(["air.aqi:AIR-03:20260301T030000Z"]));
  });

  it("ignores missing values and refuses readings out of time order", () => {
    const engine = new AlertEngine();
    expect(run(engine, septic([null, null, 12], "h2s_ppm"))).toHaveLength(1);
    expect(() => engine.push(septic([1])[0] as Reading)).toThrow(/push readings in time order/);
  });

  it("is deterministic: the same readings give identical rows", () => {
    const series = septic([3, 27, 55, 26, 10, 30, 12]);
    expect(run(new AlertEngine(), series)).toEqual(run(new AlertEngine(), series));
  });
});

describe("AlertEngine offline rule", () => {
  it("raises when a site is silent longer than the limit and closes when it reports again", () => {
    const engine = new AlertEngine();
    const [r0, r1] = septic([3, 3]);
    const rows = [...engine.push(r0 as Reading), ...engine.push(r1 as Reading)];
    rows.push(...engine.advance(T0 + 35 * MIN)); // silent 30 min exactly: not yet
    rows.push(...engine.advance(T0 + 36 * MIN));
    rows.push(...engine.push({ ...(r1 as Reading), ts: T0 + 50 * MIN }));
    expect(brief(rows)).toEqual([
      [
        "septic.offline:SEP-012:20260301T023500Z",
        "open",
        "minor",
        35,
        "SEP-012 设备离线，已 30 分钟无数据（最后上报 2026-03-01 10:05）",
      ],
      [
        "septic.offline:SEP-012:20260301T023500Z",
        "closed",
        "minor",
        50,
        "SEP-012 设备离线，已 30 分钟无数据（最后上报 2026-03-01 10:05）",
      ],
    ]);
  });
});

describe("AlertEngine anomaly rule", () => {
  const leak = {
    kind: "meter_leak",
    stream: "energy",
    site_id: "ENT-0007-W",
    start: T0,
    end: T0 + 3 * 86_400_000,
  };

  it("opens an alert graded by score and closes a finished episode at its end", () => {
    const rows = new AlertEngine({
      locate: () => ({ town_code: "500152101", lon: 105.8, lat: 30.2 }),
    }).pushAnomaly({
      ...leak,
      score: 9.4,
    });
    expect(brief(rows)).toEqual([
      [
        "energy.anomaly:ENT-0007-W:20260301T020000Z",
        "open",
        "major",
        0,
        "ENT-0007-W 疑似泄漏（夜间最小流量持续偏高），异常评分 9.4",
      ],
      [
        "energy.anomaly:ENT-0007-W:20260301T020000Z",
        "closed",
        "major",
        3 * 24 * 60,
        "ENT-0007-W 疑似泄漏（夜间最小流量持续偏高），异常评分 9.4",
      ],
    ]);
    expect(rows[0]).toMatchObject({ town_code: "500152101", lon: 105.8, lat: 30.2, source: "energy" });
  });

  it("raises nothing below the lowest score and leaves an ongoing episode open", () => {
    const engine = new AlertEngine();
    expect(engine.pushAnomaly({ ...leak, score: 1 })).toEqual([]);
    expect(engine.pushAnomaly({ ...leak, score: 4 }, { ongoing: true }).map((r) => r.status)).toEqual([
      "open",
    ]);
    expect(engine.pushAnomaly({ ...leak, score: 12 }, { ongoing: true }).map((r) => r.severity)).toEqual([
      "major",
    ]);
    expect(engine.openAlerts()).toHaveLength(1);
  });
});

describe("AlertEngine and people", () => {
  it("an escalation re-opens an acknowledged alert under the same id", () => {
    const engine = new AlertEngine();
    const [opened] = run(engine, septic([30]));
    const acked = engine.transition(opened?.alert_id ?? "", "ack", "值班员 张三", T0 + MIN);
    expect(acked).toMatchObject({ status: "ack", actor: "值班员 张三", updated_at: T0 + MIN });
    const [escalated] = engine.push(septic([30, 55])[1] as Reading);
    expect(escalated).toMatchObject({
      alert_id: opened?.alert_id,
      status: "open",
      severity: "critical",
      actor: null,
    });
  });

  it("a person closing an alert while the condition holds suppresses it until it clears", () => {
    const engine = new AlertEngine();
    const readings = septic([30, 31, 32, 10, 30]);
    const [opened] = engine.push(readings[0] as Reading);
    engine.transition(opened?.alert_id ?? "", "close", "李四", T0 + MIN);
    expect(run(engine, readings.slice(1, 4))).toEqual([]);
    expect(run(engine, readings.slice(4)).map((r) => [r.alert_id, r.status])).toEqual([
      ["septic.ch4:SEP-012:20260301T022000Z", "open"],
    ]);
    expect(() => engine.transition(opened?.alert_id ?? "", "ack", "李四", T0 + 30 * MIN)).toThrow(
      /is not open in this engine/,
    );
  });
});
