import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtureManifest, fixturePath } from "./fixtures.ts";

describe("fixtures", () => {
  it("has every file the manifest lists, with its checksum", () => {
    const manifest = fixtureManifest();
    const names = manifest.files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["dog.jpg", "vtest.avi", "licenseplate_motion.jpg"]));
    for (const entry of manifest.files) {
      const sha = createHash("sha256")
        .update(readFileSync(fixturePath(entry.name)))
        .digest("hex");
      expect(sha, entry.name).toBe(entry.sha256);
    }
  });

  it("names the fixture and the command when one is missing", () => {
    expect(() => fixturePath("no-such-file.jpg")).toThrow(/no-such-file\.jpg.*npm run fixtures/);
  });
});
