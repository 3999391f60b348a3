import { mkdtemp, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import type { Scene } from "../pipeline/scene.ts";
import { fixturePath } from "../testing/fixtures.ts";
import type { Track } from "../tracking/track.ts";
import { annotateScene } from "./annotate-scene.ts";
import { EvidenceStore } from "./evidence-store.ts";
import { sceneOverlaySvg } from "./scene-overlay.ts";

const camera = parseCameraConfig({
  id: "CAM-00822",
  name: "人民路<与>潼龙路路口",
  townCode: "500152001",
  source: { kind: "push" },
  lines: [{ id: "L1", a: { x: 384, y: 560 }, b: { x: 384, y: 150 }, up: "left-to-right" }],
  zones: [
    {
      id: "plaza",
      name: "广场",
      polygon: [
        { x: 20, y: 300 },
        { x: 700, y: 300 },
        { x: 700, y: 560 },
      ],
    },
  ],
});

const car: Track = {
  id: 7,
  classId: 2,
  label: "car",
  box: { x1: 468, y1: 78, x2: 681, y2: 165 },
  score: 0.53,
  state: "confirmed",
  hits: 3,
  missed: 0,
  velocity: { dx: 0, dy: 0 },
  firstSeen: 0,
  lastSeen: 0,
};

async function scene(): Promise<Scene> {
  return {
    camera,
    image: await readFile(fixturePath("dog.jpg")),
    width: 768,
    height: 576,
    timestamp: Date.UTC(2026, 10, 26, 6, 0, 30),
    tracks: [car],
    lineTotals: new Map([["L1", { up: 3, down: 1 }]]),
    highlight: { zoneId: "plaza", trackId: 7, caption: "广场：禁行区域驶入小汽车（目标 #7）" },
  };
}

describe("evidence snapshots", () => {
  it("draws zones, lines with totals, tracks and the caption, escaping text", async () => {
    const svg = sceneOverlaySvg(await scene());
    expect(svg).toContain('<polygon points="20.0,300.0 700.0,300.0 700.0,560.0"');
    expect(svg).toContain("L1 上行 3 · 下行 1");
    expect(svg).toContain("#7 car 0.53");
    expect(svg).toContain("人民路&#60;与&#62;潼龙路路口  CAM-00822  2026-11-26 14:00:30");
    expect(svg).toContain("禁行区域驶入小汽车");
  });

  it("composites the overlay onto the frame: same size, the alert's box drawn in red", async () => {
    const s = await scene();
    const jpeg = await annotateScene(s);
    const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([768, 576]);
    const original = await sharp(s.image).raw().toBuffer();
    // A pixel on the car box's left edge (x = 468, y = 120): red now, white car body before.
    const at = (buf: Buffer, x: number, y: number) => [
      ...buf.subarray((y * 768 + x) * 3, (y * 768 + x) * 3 + 3),
    ];
    const [r, g, b] = at(data, 468, 120);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(110);
    expect(b).toBeLessThan(110);
    expect(at(original, 468, 120)).not.toEqual(at(data, 468, 120));
  });

  it("saves <alert id>.jpg and keeps at most maxFiles, dropping the oldest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evidence-"));
    let now = 1_000_000;
    const store = new EvidenceStore({ dir, maxFiles: 3, now: () => (now += 1000) });
    const s = await scene();
    const refs = [];
    for (let i = 1; i <= 5; i++) refs.push(await store.save(`VIS-CAM-1-CROWD-z-2026112${i}T000000Z`, s));
    expect(refs[0]).toBe("vision-evidence/VIS-CAM-1-CROWD-z-20261121T000000Z.jpg");
    expect((await readdir(dir)).sort()).toEqual([
      "VIS-CAM-1-CROWD-z-20261123T000000Z.jpg",
      "VIS-CAM-1-CROWD-z-20261124T000000Z.jpg",
      "VIS-CAM-1-CROWD-z-20261125T000000Z.jpg",
    ]);
    const path = store.pathOf(refs[4] as string);
    expect((await sharp(path).metadata()).format).toBe("jpeg");
    expect(store.pathOf("vision-evidence/../secret.jpg")).toBeUndefined();
    expect(store.pathOf("other/x.jpg")).toBeUndefined();
    // read(): the kept JPEG; null for one retention removed, or a reference not of this store.
    expect((await sharp(Buffer.from((await store.read(refs[4] as string)) ?? [])).metadata()).format).toBe(
      "jpeg",
    );
    expect(await store.read(refs[0] as string)).toBeNull();
    expect(await store.read("vision-evidence/../secret.jpg")).toBeNull();
  });

  it("drops files older than maxAgeMs, including those left by an earlier run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evidence-"));
    const now = Date.now();
    await writeFile(join(dir, "old.jpg"), "x");
    await utimes(join(dir, "old.jpg"), new Date(now - 3 * 86_400_000), new Date(now - 3 * 86_400_000));
    await writeFile(join(dir, "recent.jpg"), "x");
    const store = new EvidenceStore({ dir, maxAgeMs: 2 * 86_400_000 });
    expect(await store.files()).toEqual(["recent.jpg"]);
    await store.save("VIS-new", await scene());
    expect((await readdir(dir)).sort()).toEqual(["VIS-new.jpg", "recent.jpg"]);
  });
});
