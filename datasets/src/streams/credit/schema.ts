import { defineStream, t } from "../../schema/index.ts";

/** 信用潼南: monthly credit standing and activity per enterprise. */
export const credit = defineStream({
  name: "credit",
  title: { zh: "信用潼南", en: "Enterprise credit" },
  grain: "1mo",
  timeField: "month",
  key: ["enterprise_id", "month"],
  fields: {
    month: t.date("first day of the month"),
    enterprise_id: t.id("enterprise id"),
    town_code: t.id("town/street code"),
    rating: t.enum(["A", "B", "C", "D"] as const, "credit rating (A best)"),
    red_list: t.int("red-list (honour) entries in force", { min: 0 }),
    black_list: t.int("black-list (dishonesty) entries in force", { min: 0 }),
    queries: t.int("credit report queries in the month", { min: 0 }),
    joint_rewards: t.int("joint reward actions in the month", { min: 0 }),
    joint_punishments: t.int("joint punishment actions in the month", { min: 0 }),
  },
});
