import { describe, expect, it } from "vitest";
import { parseManifest } from "./manifest.ts";

const good = {
  version: 3,
  generatedAt: "2024-05-01T00:00:00Z",
  extracts: [
    {
      name: "energy_daily_town",
      url: "/api/extracts/3/energy_daily_town.arrow",
      rows: 8280,
      bytes: 400_000,
      format: "arrow-ipc-stream",
      timeRange: ["2024-01-01", "2024-03-30"],
      sha256: "ab",
    },
  ],
};

describe("parseManifest", () => {
  it("accepts the server's contract, ignoring extra fields", () => {
    const m = parseManifest(good);
    expect(m.version).toBe(3);
    expect(m.through).toEqual({}); // an older server's manifest says nothing of it
    expect(parseManifest({ ...good, through: { energy: "2024-03-30T06:00:00.000Z" } }).through).toEqual({
      energy: "2024-03-30T06:00:00.000Z",
    });
    expect(m.extracts[0]).toEqual({
      name: "energy_daily_town",
      url: "/api/extracts/3/energy_daily_town.arrow",
      rows: 8280,
      bytes: 400_000,
      format: "arrow-ipc-stream",
      timeRange: ["2024-01-01", "2024-03-30"],
    });
  });

  it("names the bad path", () => {
    const bad = structuredClone(good) as { extracts: Record<string, unknown>[] };
    (bad.extracts[0] as Record<string, unknown>).rows = "12";
    expect(() => parseManifest(bad)).toThrow(
      'manifest extracts[0].rows: expected a non-negative integer, got "12"',
    );
    expect(() => parseManifest({ ...good, generatedAt: "yesterday" })).toThrow(
      "manifest generatedAt: expected an ISO-8601 time",
    );
    expect(() => parseManifest({ ...good, extracts: [{ ...good.extracts[0], name: "x;y" }] })).toThrow(
      "manifest extracts[0].name: expected an identifier",
    );
    expect(() => parseManifest({ ...good, through: { energy: "soon" } })).toThrow(
      'manifest through.energy: expected an ISO-8601 time, got "soon"',
    );
    expect(() => parseManifest({ ...good, extracts: [{ ...good.extracts[0], format: "parquet" }] })).toThrow(
      'manifest extracts[0].format: expected "arrow-ipc-stream", got "parquet"',
    );
  });
});
