import { describe, expect, it } from "vitest";
import type { AlertRow } from "./alert-row.ts";
import { AlertTransitionError, transitionAlert } from "./transition-alert.ts";

const T0 = Date.UTC(2026, 2, 1, 2, 0);
const alert: AlertRow = {
  alert_id: "septic.ch4:SEP-012:20260301T020000Z",
  ts: T0,
  source: "septic",
  rule: "septic.ch4",
  severity: "critical",
  site_id: "SEP-012",
  town_code: "500152001",
  lon: null,
  lat: null,
  message: "SEP-012 甲烷浓度 52.3 %LEL，超过一级阈值 50 %LEL",
  evidence: null,
  status: "open",
  updated_at: T0,
  actor: null,
};

describe("transitionAlert", () => {
  it("acknowledges, then closes, recording who and when", () => {
    const acked = transitionAlert(alert, "ack", " 张三 ", T0 + 60_000);
    expect(acked).toEqual({ ...alert, status: "ack", actor: "张三", updated_at: T0 + 60_000 });
    const closed = transitionAlert(acked, "close", "李四", T0 + 120_000);
    expect(closed).toMatchObject({ status: "closed", actor: "李四", updated_at: T0 + 120_000 });
    expect(transitionAlert(alert, "close", "王五", T0)).toMatchObject({ status: "closed" });
  });

  it("refuses illegal transitions and says why", () => {
    const acked = transitionAlert(alert, "ack", "张三", T0 + 60_000);
    const closed = transitionAlert(acked, "close", "李四", T0 + 120_000);
    expect(() => transitionAlert(acked, "ack", "李四", T0 + 90_000)).toThrow(
      "alert septic.ch4:SEP-012:20260301T020000Z cannot be acknowledged: it is already acknowledged by 张三",
    );
    expect(() => transitionAlert(closed, "ack", "王五", T0 + 180_000)).toThrow(
      "alert septic.ch4:SEP-012:20260301T020000Z cannot be acknowledged: it was closed by 李四 at 2026-03-01 10:02:00",
    );
    expect(() => transitionAlert(closed, "close", "王五", T0 + 180_000)).toThrow(AlertTransitionError);
    expect(() => transitionAlert(alert, "ack", "  ", T0)).toThrow(/needs an actor/);
    expect(() => transitionAlert(acked, "close", "李四", T0)).toThrow(
      /cannot be closed at 2026-03-01 10:00:00: its last change was later, at 2026-03-01 10:01:00/,
    );
  });
});
