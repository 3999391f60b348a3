import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { fixturePath } from "../../testing/fixtures.ts";
import { startSnapshotServer } from "../../testing/snapshot-server.ts";
import { createHttpSnapshotSource } from "./http-snapshot-source.ts";

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(...args: Parameters<typeof startSnapshotServer>) {
  const server = await startSnapshotServer(...args);
  servers.push(server);
  return server;
}

describe("HTTP snapshot source", () => {
  it("polls at the requested rate", async () => {
    const image = await readFile(fixturePath("dog.jpg"));
    const server = await serve((_req, res) =>
      res.writeHead(200, { "Content-Type": "image/jpeg" }).end(image),
    );
    const source = createHttpSnapshotSource({ cameraId: "c", url: server.url, fps: 10, maxFrames: 6 });
    const t0 = performance.now();
    let frames = 0;
    for await (const _frame of source.frames()) frames++;
    const elapsed = performance.now() - t0;
    expect(frames).toBe(6);
    expect(elapsed).toBeGreaterThanOrEqual(480); // frames at 0, 100, …, 500 ms
    expect(elapsed).toBeLessThan(2000);
    expect(source.status()).toMatchObject({ connected: true, framesDelivered: 6, lastError: null });
  });

  it("retries failures with backoff, says why, and counts the reconnect", async () => {
    const image = await readFile(fixturePath("dog.jpg"));
    // Two 503s, one request that never answers (timeout), one HTML error page, then JPEGs.
    const server = await serve((_req, res, i) => {
      if (i < 2) res.writeHead(503, "Service Unavailable").end();
      else if (i === 2) return;
      else if (i === 3) res.writeHead(200, { "Content-Type": "text/html" }).end("<h1>login</h1>");
      else res.writeHead(200, { "Content-Type": "image/jpeg" }).end(image);
    });
    const source = createHttpSnapshotSource({
      cameraId: "CAM-9",
      url: server.url,
      fps: 20,
      timeoutMs: 150,
      backoff: { initialMs: 20, maxMs: 40 },
      maxFrames: 2,
    });
    const errors: (string | null)[] = [];
    const poll = setInterval(() => errors.push(source.status().lastError), 5);
    const frames = [];
    for await (const frame of source.frames()) frames.push(frame);
    clearInterval(poll);
    expect(frames).toHaveLength(2);
    expect(server.requests()).toBe(6);
    const distinct = [...new Set(errors.filter((e) => e !== null))];
    expect(distinct).toEqual([
      `camera "CAM-9": GET ${server.url} failed: HTTP 503 Service Unavailable`,
      `camera "CAM-9": GET ${server.url} failed: no answer within 150 ms`,
      `camera "CAM-9": GET ${server.url} failed: expected an image, got text/html (14 bytes)`,
    ]);
    expect(source.status()).toMatchObject({ connected: true, reconnects: 1, consecutiveFailures: 0 });
  });

  it("gives up after maxFailures with the last error, and skips unchanged snapshots (ETag)", async () => {
    const down = await serve((_req, res) => res.writeHead(404, "Not Found").end());
    const failing = createHttpSnapshotSource({
      cameraId: "CAM-9",
      url: down.url,
      fps: 50,
      backoff: { initialMs: 1 },
      maxFailures: 3,
    });
    await expect(async () => {
      for await (const _frame of failing.frames());
    }).rejects.toThrow(`camera "CAM-9": GET ${down.url} failed: HTTP 404 Not Found`);

    const image = await readFile(fixturePath("dog.jpg"));
    const cached = await serve((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { "Content-Type": "image/jpeg", ETag: '"v1"' }).end(image);
    });
    const source = createHttpSnapshotSource({ cameraId: "c", url: cached.url, fps: 50 });
    let frames = 0;
    const reading = (async () => {
      for await (const _frame of source.frames()) frames++;
    })();
    await new Promise((r) => setTimeout(r, 200));
    await source.close();
    await reading;
    expect(frames).toBe(1);
    expect(cached.requests()).toBeGreaterThan(3);
  });
});
