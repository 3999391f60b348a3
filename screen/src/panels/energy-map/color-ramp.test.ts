import { describe, expect, it } from "vitest";
import { rampColor, rampGradientCss, rampPosition } from "./color-ramp.ts";

describe("cyan-blue ramp", () => {
  it("runs from navy-blue to cyan", () => {
    expect(rampColor(0)).toEqual([16, 52, 96, 255]);
    expect(rampColor(1)).toEqual([9, 237, 254, 255]);
    expect(rampColor(0.5, 128)).toEqual([11, 136, 216, 128]);
  });

  it("clamps and tolerates bad input", () => {
    expect(rampColor(-1)).toEqual(rampColor(0));
    expect(rampColor(7)).toEqual(rampColor(1));
    expect(rampColor(Number.NaN)).toEqual(rampColor(0));
    expect(rampPosition(5, 5, 5)).toBe(0.5);
    expect(rampPosition(7.5, 5, 10)).toBe(0.5);
  });

  it("renders a legend gradient", () => {
    expect(rampGradientCss()).toBe(
      "linear-gradient(90deg, rgb(16,52,96) 0%, rgb(21,101,192) 33%, rgb(0,170,240) 67%, rgb(9,237,254) 100%)",
    );
  });
});
