import { describe, expect, it } from "vitest";
import { carrierShares } from "./energy-mix-panel.ts";

describe("energy mix", () => {
  it("gives each carrier's share in display order", () => {
    expect(
      carrierShares([
        { carrier: "gas", tce: 1 },
        { carrier: "electricity", tce: 3 },
      ]),
    ).toEqual([
      { id: "electricity", tce: 3, share: 0.75 },
      { id: "water", tce: 0, share: 0 },
      { id: "gas", tce: 1, share: 0.25 },
      { id: "oil", tce: 0, share: 0 },
    ]);
    expect(carrierShares([]).every((s) => s.share === 0)).toBe(true);
  });
});
