import { defineStream, nullable, t } from "../../schema/index.ts";

/** Cases reported through the 爱潼南 app's micro-apps (e.g. 城管随手拍); a later row updates the case. */
export const cases = defineStream({
  name: "cases",
  title: { zh: "爱潼南事件", en: "Citizen app cases" },
  grain: "event",
  timeField: "opened_at",
  key: ["case_id"],
  fields: {
    case_id: t.string("case id, e.g. C202603010001"),
    app: t.id("micro-app that received the case, e.g. 城管随手拍"),
    category: t.id("case category, e.g. 占道经营"),
    town_code: t.id("town/street code"),
    lon: t.float("longitude (GCJ-02)", { min: 73, max: 136 }),
    lat: t.float("latitude (GCJ-02)", { min: 3, max: 54 }),
    opened_at: t.timestamp("when the case was reported (UTC)"),
    closed_at: nullable(t.timestamp("when the case was closed (UTC)")),
    status: t.enum(["open", "assigned", "processing", "closed", "rejected"] as const, "case status"),
  },
});
