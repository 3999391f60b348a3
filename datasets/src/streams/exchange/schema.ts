import { defineStream, t } from "../../schema/index.ts";

/** Data-sharing platform: records exchanged per day, per catalog item and consuming unit. */
export const exchange = defineStream({
  name: "exchange",
  title: { zh: "数据共享交换", en: "Data sharing" },
  grain: "1d",
  timeField: "day",
  key: ["day", "item_id", "consumer_unit"],
  fields: {
    day: t.date("day (Asia/Shanghai)"),
    item_id: t.id("catalog item id, e.g. DIR-0001"),
    provider_unit: t.id("providing unit"),
    consumer_unit: t.id("consuming unit"),
    records: t.int("records exchanged", { min: 0 }),
    calls: t.int("API calls or file transfers", { min: 0 }),
  },
});
