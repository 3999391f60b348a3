import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CENTERNET_COCO, MODEL_CATALOG, getModelSpec } from "./catalog.ts";
import { packageRoot, resolveModelFiles, sha256File, verifyModelFile } from "./resolve-model-files.ts";

describe("model registry", () => {
  it("resolves and verifies every catalogued model's files", () => {
    for (const spec of MODEL_CATALOG.values()) {
      const { paths } = resolveModelFiles(spec);
      expect(Object.keys(paths).sort(), spec.id).toEqual(spec.files.map((f) => f.role).sort());
    }
  });

  it("describes CenterNet as the STACK notes say", () => {
    const spec = getModelSpec("centernet-coco");
    expect(spec.input.shape).toEqual([1, 512, 512, 3]);
    expect(spec.labels).toHaveLength(80);
    expect([spec.labels?.[0], spec.labels?.[2], spec.labels?.[16]]).toEqual(["person", "car", "dog"]);
    expect(spec.thresholds.score).toBeCloseTo(0.3);
  });

  it("names the unknown model and lists the known ones", () => {
    expect(() => getModelSpec("yolo-nope")).toThrow(/unknown model "yolo-nope".*centernet-coco/);
  });

  it("rejects a corrupted file, naming the model, the file and both checksums", () => {
    const file = CENTERNET_COCO.files.find((f) => f.role === "graph");
    if (!file) throw new Error("catalog lost the centernet graph file");
    const dir = mkdtempSync(join(tmpdir(), "vision-registry-"));
    const good = join(dir, "good.json");
    copyFileSync(join(packageRoot(file.package), file.path), good);
    expect(() => verifyModelFile("centernet-coco", file, good)).not.toThrow();

    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{}");
    const message = `model "centernet-coco": models/centernet.json from @vladmandic/human has sha256 ${sha256File(bad)}, expected ${file.sha256}`;
    expect(() => verifyModelFile("centernet-coco", file, bad)).toThrow(message);
    expect(() => verifyModelFile("centernet-coco", file, join(dir, "absent.json"))).toThrow(
      /model "centernet-coco": @vladmandic\/human has no models\/centernet.json/,
    );
  });

  it("says how to install a package that is missing", () => {
    expect(() => packageRoot("@citybrain/no-such-package")).toThrow(/not installed.*npm ci/);
  });
});
