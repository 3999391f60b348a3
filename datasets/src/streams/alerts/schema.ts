import { defineStream, nullable, t } from "../../schema/index.ts";
import { SEVERITIES } from "../enums.ts";

/** Alerts raised by rules and vision events; a later row with the same id updates its state. */
export const alerts = defineStream({
  name: "alerts",
  title: { zh: "告警事件", en: "Alerts" },
  grain: "event",
  timeField: "ts",
  key: ["alert_id"],
  fields: {
    alert_id: t.string("alert id"),
    ts: t.timestamp("when the condition began (UTC)"),
    source: t.enum(
      ["energy", "traffic", "septic", "air", "cases", "credit", "exchange", "vision", "system"] as const,
      "stream or subsystem that raised it",
    ),
    rule: t.id("rule id, e.g. septic.ch4.high"),
    severity: t.enum(SEVERITIES, "alarm level 一/二/三/四级"),
    site_id: nullable(t.id("site (meter, camera, monitor, station)")),
    town_code: nullable(t.id("town/street code")),
    lon: nullable(t.float("longitude (GCJ-02)")),
    lat: nullable(t.float("latitude (GCJ-02)")),
    message: t.string("human-readable description (zh-CN)"),
    evidence: nullable(t.string("evidence reference, e.g. snapshot path")),
    status: t.enum(["open", "ack", "closed"] as const, "workflow state"),
    updated_at: t.timestamp("last state change (UTC)"),
    actor: nullable(t.string("who acknowledged or closed it")),
  },
});
