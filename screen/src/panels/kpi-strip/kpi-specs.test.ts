import { describe, expect, it } from "vitest";
import { kpiSpecs, kpiValues } from "./kpi-specs.ts";

describe("KPI strip specs", () => {
  it("asks for the total and per-carrier sums", () => {
    expect(kpiSpecs("energy_daily_town").total).toEqual({
      from: "energy_daily_town",
      measures: [{ field: "tce", agg: "sum", as: "tce" }],
    });
  });

  it("reads answers, with missing carriers as 0 and a NULL total as 0", () => {
    expect(
      kpiValues({
        total: [{ tce: 12.5 }],
        carriers: [
          { carrier: "electricity", value: 1000, tce: 0.12 },
          { carrier: "gas", value: 20, tce: 0.02 },
          { carrier: "steam", value: 1, tce: 1 },
        ],
      }),
    ).toEqual({ totalTce: 12.5, carriers: { electricity: 1000, water: 0, gas: 20, oil: 0 } });
    expect(kpiValues({ total: [{ tce: null }], carriers: [] }).totalTce).toBe(0);
  });
});
