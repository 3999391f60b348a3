import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { DuckDBStore } from "@citybrain/analytics";
import { VisionService, parseVisionConfig, type CameraStatus } from "@citybrain/vision";
import { createApp } from "../../app.ts";
import { AuditLog, CSRF_HEADER, SESSION_COOKIE, type AuthStore } from "../../auth/index.ts";
import { GOOD_PASSWORD, memoryStore } from "../../auth/test-fixtures.ts";
import { cameraHealthSchema } from "./camera-schemas.ts";

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures");

/** A fetched test image; fails (never skips) with the command that fetches it. */
async function fixture(name: string): Promise<Uint8Array<ArrayBuffer>> {
  const path = join(FIXTURES, name);
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`npm run fixtures\` from the repository root`);
  return new Uint8Array(await readFile(path));
}

// dog.jpg (768 × 576): the real detector finds a bicycle (0.55) and a car (0.53) in it. The zone
// covers the whole frame and allows no vehicles, so a car seen on two processed frames is an alert.
const config = parseVisionConfig({
  cameras: [
    {
      id: "GATE-1",
      name: "测试门岗",
      townCode: "500152001",
      source: { kind: "push", fps: 2 },
      zones: [
        {
          id: "yard",
          polygon: [
            { x: 0, y: 0 },
            { x: 768, y: 0 },
            { x: 768, y: 576 },
            { x: 0, y: 576 },
          ],
          rules: [{ kind: "no-vehicle", minSeconds: 0 }],
        },
      ],
    },
    { id: "CAM-FILE", townCode: "500152001", source: { kind: "file", url: "/nonexistent/video.avi" } },
  ],
});

const MAX_BYTES = 256 * 1024;
const T0 = Date.now() - 60_000;
const iso = (t: number) => new Date(t).toISOString();

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("POST /api/cameras/:id/frames on the real app, vision service and detector", () => {
  let store: DuckDBStore;
  let auth: AuthStore;
  let vision: VisionService;
  let app: ReturnType<typeof createApp>;
  let device: Record<string, string>;
  let wall: Record<string, string>;
  let dog: Uint8Array<ArrayBuffer>;

  /** Posts a frame as the NVR (its ingest token) unless `as` names other credentials. */
  const push = (
    camera: string,
    body: Uint8Array<ArrayBuffer> | string,
    headers: Record<string, string> = {},
    query = "",
    as = device,
  ) =>
    app.request(`/api/cameras/${camera}/frames${query}`, {
      method: "POST",
      headers: { ...as, "Content-Type": "image/jpeg", ...headers },
      body,
    });
  /** Status, error code and message of a refusal. */
  const error = async (res: Response) => {
    const { code, message } = ((await res.json()) as { error: { code: string; message: string } }).error;
    return [res.status, { code, message }] as const;
  };

  beforeAll(async () => {
    dog = await fixture("dog.jpg");
    store = await DuckDBStore.open({ path: ":memory:" });
    auth = await memoryStore();
    // The production detector: a worker pool (one worker) on the converted CenterNet.
    vision = await VisionService.start({
      config,
      poolSize: 1,
      onTraffic: (rows, { batchId }) => store.ingest("traffic", rows, { batchId }).then(() => undefined),
      onAlert: (rows, { batchId }) => store.ingest("alerts", rows, { batchId }).then(() => undefined),
    });
    app = createApp({
      extractsRoot: await mkdtemp(join(tmpdir(), "push-frame-")),
      reference: () => ({ outline: {}, towns: {} }),
      auth: { store: auth, audit: await AuditLog.open({ path: ":memory:" }) },
      alerts: { store },
      cameras: vision,
      cameraFrames: { maxBytes: MAX_BYTES },
    });
    const nvr = await auth.issueToken({ kind: "ingest", label: "NVR", streams: ["traffic"] });
    device = { Authorization: `Bearer ${nvr.token}` };
    wall = { Authorization: `Bearer ${(await auth.issueToken({ kind: "display", label: "wall" })).token}` };
  }, 60_000);
  afterAll(async () => {
    await vision?.stop();
    await store?.close();
  });

  it("takes real JPEGs and PNGs: the detector's car raises an alert, health counts the frames", async () => {
    // Back to back: the first goes to the detector, the second waits, the third replaces it.
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await push("GATE-1", dog, { "X-Frame-Time": iso(T0 + i * 500) });
      expect(res.status).toBe(202);
      answers.push(await res.json());
    }
    expect(answers).toEqual(
      [false, false, true].map((replaced, i) => ({
        cameraId: "GATE-1",
        replaced,
        capturedAt: iso(T0 + i * 500),
        format: "jpeg",
        width: 768,
        height: 576,
        bytes: dog.length,
      })),
    );
    const cameras = async () =>
      (
        (await (await app.request("/api/cameras", { headers: wall })).json()) as { cameras: unknown[] }
      ).cameras.map((c) => cameraHealthSchema.strict().parse(c));
    const gate = await until("two processed frames", async () =>
      (await cameras()).find((c) => c.cameraId === "GATE-1" && c.framesProcessed === 2),
    );
    expect(gate).toMatchObject({
      state: "online",
      online: true,
      reason: null,
      lastFrameTimestamp: T0 + 1000,
      framesReceived: 3,
      framesDropped: 1,
      framesFailed: 0,
    });
    expect(gate.fps).toBeGreaterThan(0);
    expect(gate.lastFrameAt).toBeGreaterThan(T0 + 60_000 - 1);

    const alert = await until("the no-vehicle alert", async () => {
      const page = (await (await app.request("/api/alerts", { headers: wall })).json()) as {
        alerts: { rule: string; site_id: string; message: string }[];
      };
      return page.alerts.find((a) => a.rule === "vision.vehicle_in_zone");
    });
    expect(alert.site_id).toBe("GATE-1");
    const snapshot = await app.request("/api/cameras/GATE-1/snapshot.jpg", { headers: wall });
    expect([snapshot.status, snapshot.headers.get("Content-Type")]).toEqual([200, "image/jpeg"]);

    // A PNG (no objects in it) by ?ts=; a JPEG cut short passes the header check, fails in the
    // detector worker, and is counted as failed — the worker lives on and takes the next frame.
    const png = await fixture("imageTextN.png");
    const res = await push("GATE-1", png, { "Content-Type": "image/png" }, `?ts=${iso(T0 + 1500)}`);
    expect(await res.json()).toMatchObject({ replaced: false, format: "png", width: 556, height: 257 });
    await until("the PNG processed", async () =>
      (await cameras()).find((c) => c.cameraId === "GATE-1" && c.framesProcessed === 3),
    );
    expect((await push("GATE-1", dog.slice(0, 20_000), { "X-Frame-Time": iso(T0 + 2000) })).status).toBe(202);
    await until("the cut JPEG counted as failed", async () =>
      (await cameras()).find((c) => c.cameraId === "GATE-1" && c.framesFailed === 1),
    );
    expect((await push("GATE-1", dog, { "X-Frame-Time": iso(T0 + 2500) })).status).toBe(202);
    const after = await until("the next frame processed", async () =>
      (await cameras()).find((c) => c.cameraId === "GATE-1" && c.framesProcessed === 4),
    );
    expect(after).toMatchObject({ framesReceived: 6, framesFailed: 1, lastFrameTimestamp: T0 + 2500 });
  }, 60_000);

  it("documents the vision service's camera status (health, name, place) field for field", () => {
    expectTypeOf<z.output<typeof cameraHealthSchema>>().toEqualTypeOf<CameraStatus>();
  });

  it("refuses what it cannot use with a status and a message naming the camera", async () => {
    const received = async () => {
      const res = await app.request("/api/cameras", { headers: wall });
      const { cameras } = (await res.json()) as { cameras: { cameraId: string; framesReceived: number }[] };
      return cameras.find((c) => c.cameraId === "GATE-1")?.framesReceived;
    };
    const before = await received();
    expect(await error(await push("GATE-9", dog))).toEqual([
      404,
      { code: "unknown_camera", message: 'camera "GATE-9" is not configured (see GET /api/cameras)' },
    ]);
    expect(await error(await push("CAM-FILE", dog))).toEqual([
      409,
      {
        code: "not_push_camera",
        message: 'camera "CAM-FILE" does not take pushed frames (its source is "file", not "push")',
      },
    ]);
    expect(await error(await push("GATE-1", dog, { "Content-Type": "application/octet-stream" }))).toEqual([
      415,
      {
        code: "unsupported_media_type",
        message:
          'camera "GATE-1": send the frame as the raw body with Content-Type image/jpeg or image/png (got "application/octet-stream")',
      },
    ]);
    const big = new Uint8Array(MAX_BYTES + 1);
    big.set(dog.subarray(0, 4));
    expect(await error(await push("GATE-1", big))).toEqual([
      413,
      {
        code: "body_too_large",
        message: `camera "GATE-1": the frame exceeds ${MAX_BYTES} bytes; send a smaller image or raise the server's --max-frame-bytes`,
      },
    ]);
    const [status, garbage] = await error(await push("GATE-1", "<html>not a frame</html>"));
    expect([status, garbage.code]).toEqual([400, "not_an_image"]);
    expect(garbage.message).toMatch(
      /^camera "GATE-1": the frame is not a JPEG or PNG image \(24 bytes that cannot be decoded: .+\)$/,
    );
    expect(await error(await push("GATE-1", dog, {}, "?ts=yesterday"))).toEqual([
      400,
      {
        code: "bad_frame_time",
        message:
          'camera "GATE-1": ?ts: expected an ISO-8601 time with a zone, e.g. 2026-03-01T08:00:00.000Z or 2026-03-01T16:00:00+08:00; got "yesterday"',
      },
    ]);
    const [, ahead] = await error(await push("GATE-1", dog, { "X-Frame-Time": iso(Date.now() + 3_600_000) }));
    expect(ahead.message).toMatch(
      /^camera "GATE-1": X-Frame-Time: \S+ is 3600 s ahead of the server clock \(at most 60 s accepted\); check the camera's clock$/,
    );
    expect((await push("GATE-1", dog, { "X-Frame-Time": iso(T0 + 10_000) })).status).toBe(202);
    expect(await error(await push("GATE-1", dog, { "X-Frame-Time": iso(T0 + 9_000) }))).toEqual([
      409,
      {
        code: "out_of_order",
        message: `camera "GATE-1": frame captured at ${iso(T0 + 9_000)} is older than the previous frame (${iso(T0 + 10_000)}); push frames in capture order`,
      },
    ]);
    // Refused frames never reach the camera: only the one accepted above did.
    expect(await received()).toBe((before ?? NaN) + 1);
  });

  it("refuses frames over the pixel limit, and says when vision is off or the detector is down", async () => {
    const small = createApp({
      extractsRoot: tmpdir(),
      reference: () => ({ outline: {}, towns: {} }),
      cameras: vision,
      cameraFrames: { maxPixels: 100_000 },
    });
    const post = (target: typeof small, camera = "GATE-1") =>
      target.request(`/api/cameras/${camera}/frames`, {
        method: "POST",
        headers: { "Content-Type": "image/jpeg" },
        body: dog,
      });
    expect(await error(await post(small))).toEqual([
      413,
      {
        code: "image_too_large",
        message:
          'camera "GATE-1": the frame is 768×576 pixels; at most 100000 pixels are accepted (scale it down)',
      },
    ]);
    const off = createApp({ extractsRoot: tmpdir(), reference: () => ({ outline: {}, towns: {} }) });
    expect(await error(await post(off))).toEqual([
      503,
      {
        code: "vision_disabled",
        message:
          "the vision service is off on this server (started with --no-vision); no camera takes frames",
      },
    ]);
    expect((await off.request("/api/cameras")).status).toBe(503);
    const broken = await VisionService.start({
      config,
      backend: () => Promise.reject(new Error("model file centernet.bin missing")),
    });
    const down = createApp({
      extractsRoot: tmpdir(),
      reference: () => ({ outline: {}, towns: {} }),
      cameras: broken,
    });
    const res = await post(down);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(await error(res)).toEqual([
      503,
      {
        code: "camera_unavailable",
        message:
          'camera "GATE-1" cannot take frames now: detector unavailable: model file centernet.bin missing',
      },
    ]);
    await broken.stop();
  });

  it("lets devices with a traffic token and admins with the CSRF token push; nobody else", async () => {
    const energyOnly = await auth.issueToken({ kind: "ingest", label: "meters", streams: ["energy"] });
    expect(
      await error(await push("GATE-1", dog, {}, "", { Authorization: `Bearer ${energyOnly.token}` })),
    ).toEqual([
      403,
      {
        code: "stream_not_allowed",
        message: 'this token may not ingest into "traffic"',
      },
    ]);
    /** A logged-in user's cookie, with or without the session's CSRF token. */
    const session = async (role: "viewer" | "admin", withCsrf = true) => {
      if (!auth.listUsers().some((u) => u.name === `push-${role}`))
        await auth.addUser({ name: `push-${role}`, role, password: GOOD_PASSWORD });
      const s = await auth.createSession(`push-${role}`);
      return { Cookie: `${SESSION_COOKIE}=${s.id}`, ...(withCsrf ? { [CSRF_HEADER]: s.csrfToken } : {}) };
    };
    expect(await error(await push("GATE-1", dog, {}, "", await session("viewer")))).toEqual([
      403,
      {
        code: "forbidden",
        message: 'only ingest tokens (or admin users) may ingest into "traffic"',
      },
    ]);
    expect((await push("GATE-1", dog, {}, "", wall)).status).toBe(403);
    expect((await push("GATE-1", dog, {}, "", {})).status).toBe(401);
    const [, csrf] = await error(await push("GATE-1", dog, {}, "", await session("admin", false)));
    expect(csrf.code).toBe("csrf_failed");
    const res = await push("GATE-1", dog, {}, "", await session("admin"));
    expect(res.status).toBe(202);
  });
});
