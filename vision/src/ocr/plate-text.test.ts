import { describe, expect, it } from "vitest";
import { parsePlate } from "./plate-text.ts";

describe("parsePlate", () => {
  it("normalises plausible plates, including 6-character new-energy ones", () => {
    expect(parsePlate("渝A·D1234")).toBe("渝A·D1234");
    expect(parsePlate("渝a d1234")).toBe("渝A·D1234");
    expect(parsePlate("渝B.5K678")).toBe("渝B·5K678");
    expect(parsePlate("渝AD12345")).toBe("渝A·D12345");
  });
  it("rejects text that is not a plate", () => {
    expect(parsePlate("NOTICE")).toBeUndefined();
    expect(parsePlate("渝I·12345")).toBeUndefined();
    expect(parsePlate("X A·12345")).toBeUndefined();
    expect(parsePlate("渝A·123")).toBeUndefined();
  });
});
