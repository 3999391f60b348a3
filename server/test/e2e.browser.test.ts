import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tceSql } from "@citybrain/analytics";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The functions passed to page.evaluate/waitForFunction run in the browser: the little of the DOM
// they touch, typed here (the server program is compiled without the DOM library).
declare const document: {
  querySelector(
    selector: string,
  ): { textContent: string | null; getAttribute(name: string): string | null } | null;
  fonts: { ready: Promise<unknown>; check(font: string, text: string): boolean };
};

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Stops a server and waits for it: background writes (compressed siblings) must not race an rm. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (child.exitCode === null && child.signalCode === null && child.kill("SIGTERM")) await exited;
}

/** Starts `citybrain serve` on a free port and resolves with its URL once it listens. */
function startServer(
  dataDir: string,
  live: readonly string[] = ["--no-simulate", "--no-vision"],
): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "server/bin/citybrain.js"),
      "serve",
      "--preset",
      "tiny",
      "--data",
      dataDir,
      "--port",
      "0",
      ...live,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 120 s:\n${log}`)), 120_000);
    child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
    child.stdout?.on("data", (d: Buffer) => {
      log += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        ok({ child, url: m[1], log: () => log });
      }
    });
    child.on("exit", (code) => fail(new Error(`server exited with ${code}:\n${log}`)));
  });
}

/** The native DuckDB answer: total tce over the generated Parquet, optionally for one town. */
async function nativeTotalTce(dataDir: string, townCode?: string): Promise<number> {
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  const file = join(dataDir, "dataset", "energy.parquet").replaceAll("'", "''");
  const where = townCode ? "WHERE town_code = ?" : "";
  const r = await conn.runAndReadAll(
    `SELECT sum(${tceSql("carrier", "value")}) FROM read_parquet('${file}') ${where}`,
    townCode ? [townCode] : [],
  );
  const v = Number(r.getRows()[0]?.[0]);
  conn.closeSync();
  db.closeSync();
  return v;
}

async function kpiValue(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="kpi-total-tce"]', "data-value"));
}

describe("end to end: server → extracts → DuckDB-WASM → screen", () => {
  let server: { child: ChildProcess; url: string; log: () => string };
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`no Chromium at ${CHROMIUM}: run bash .ci/run or apt-get install chromium`);
    dataDir = await mkdtemp(join(tmpdir(), "citybrain-e2e-"));
    await mkdir(OUT, { recursive: true });
    server = await startServer(dataDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on("pageerror", (e) => console.error("page error:", e));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  });

  it("shows the map and the chart with the numbers native DuckDB computes", async () => {
    await page.goto(server.url, { waitUntil: "load" });
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="chart-daily-tce"] canvas');
    await page.waitForSelector('[data-panel="map"] canvas');
    const expected = await nativeTotalTce(dataDir);
    expect(expected).toBeGreaterThan(0);
    expect(await kpiValue(page)).toBeCloseTo(expected, 6);
    // Chinese renders as glyphs: the bundled CJK face is loaded and covers the title.
    const cjk = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('24px "Noto Sans SC"', "潼南区城市大脑");
    });
    expect(cjk).toBe(true);
    // This server runs without vision: the camera panel says so calmly, it is not a failure.
    await page.waitForSelector('[data-panel="camera-feed"][data-reason="vision-disabled"]', {
      timeout: 30_000,
    });
    expect(await page.getAttribute('[data-panel="camera-feed"]', "data-state")).toBe("empty");
    await page.screenshot({ path: join(OUT, "e2e-overview.png") });
  });

  it("clicking a town on the map filters the chart to that town", async () => {
    const anchors = JSON.parse(
      (await page.getAttribute("[data-town-anchors]", "data-town-anchors", { timeout: 30_000 })) ?? "{}",
    ) as Record<string, { name: string; x: number; y: number }>;
    const [code, town] =
      Object.entries(anchors).find(([, a]) => a.name === "双江镇") ?? Object.entries(anchors)[0] ?? [];
    expect(code, "the map publishes town anchors").toBeTruthy();
    if (!code || !town) return;
    const before = await kpiValue(page);
    await page.mouse.click(town.x, town.y);
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="selected-town"]')?.textContent?.includes(name),
      town.name,
      { timeout: 30_000 },
    );
    await page.waitForFunction(
      (prev) =>
        Number(document.querySelector('[data-testid="kpi-total-tce"]')?.getAttribute("data-value")) !== prev,
      before,
      { timeout: 30_000 },
    );
    const expected = await nativeTotalTce(dataDir, code);
    expect(await kpiValue(page)).toBeCloseTo(expected, 6);
    expect(expected).toBeLessThan(before);
    await page.waitForTimeout(2000); // let the rolling digits settle before the picture
    await page.screenshot({ path: join(OUT, "e2e-town-selected.png") });
  });

  it("the real-video cameras' annotated frames (vtest.avi through the detector) reach the wall", async () => {
    const visionDir = await mkdtemp(join(tmpdir(), "citybrain-vision-"));
    const vision = await startServer(visionDir, ["--no-simulate"]);
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      // The URL the server prints is the wall's, with its display token.
      const wallUrl = new URL(vision.url);
      const auth = { Authorization: `Bearer ${wallUrl.searchParams.get("token") ?? ""}` };
      const cameras = (await (await fetch(`${wallUrl.origin}/api/cameras`, { headers: auth })).json()) as {
        cameras: { cameraId: string; name: string }[];
      };
      expect(cameras.cameras.length).toBeGreaterThan(1);
      await wall.bringToFront();
      await wall.goto(vision.url, { waitUntil: "load" });
      // The first annotated frame: a real JPEG of the clip's size, from the camera the wall shows.
      const img = '[data-testid="camera-picture"] img';
      await wall.waitForSelector(img, { timeout: 120_000 });
      const size = await wall.$eval(img, (el) => {
        const i = el as unknown as { naturalWidth: number; naturalHeight: number };
        return [i.naturalWidth, i.naturalHeight];
      });
      expect(size).toEqual([768, 576]);
      expect(await wall.textContent('[data-testid="camera-state"]')).toBe("在线");
      // Every real camera has a chip; picking another shows that camera's own frames.
      expect(await wall.locator(".camera-chip").count()).toBe(cameras.cameras.length);
      const other = cameras.cameras[1] as { cameraId: string; name: string };
      await wall.click(`.camera-chip[data-camera="${other.cameraId}"]`);
      await wall.waitForSelector(`${img}[data-camera="${other.cameraId}"]`, { timeout: 60_000 });
      expect(await wall.textContent('[data-testid="camera-name"]')).toBe(other.name);
      await wall.screenshot({ path: join(OUT, "e2e-cameras.png") });
      // The clip crowds the plaza within seconds: the camera's event appears under its picture,
      // and a tap shows the event's evidence snapshot (served from the vision evidence store).
      const event = `[data-testid="camera-events"] .camera-event[data-evidence="true"]`;
      await wall.waitForSelector(event, { timeout: 90_000 });
      const alertId = (await wall.getAttribute(event, "data-alert")) ?? "";
      expect(alertId).toMatch(new RegExp(`^VIS-${other.cameraId}-`));
      await wall.click(event);
      const evidence = `${img}[data-alert="${alertId}"]`;
      await wall.waitForSelector(evidence, { timeout: 30_000 });
      expect(
        await wall.$eval(evidence, (el) => (el as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
    } finally {
      await wall.close();
      await stop(vision.child);
      await rm(visionDir, { recursive: true, force: true, maxRetries: 5 });
    }
  }, 240_000);

  it("a live feed's republished extracts reach the open wall without a reload", async () => {
    const liveDir = await mkdtemp(join(tmpdir(), "citybrain-live-"));
    // One simulated hour per real second: new energy rows every tick, extracts every 5 s.
    const live = await startServer(liveDir, ["--speed", "3600", "--no-vision"]);
    const livePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      // A tab in the background gets no animation frames, and the wall animates its numbers.
      await livePage.bringToFront();
      await livePage.goto(live.url, { waitUntil: "load" });
      await livePage.waitForSelector('#app[data-state="ready"]', { timeout: 120_000 });
      const first = await kpiValue(livePage);
      await livePage.waitForFunction(
        (prev) =>
          Number(document.querySelector('[data-testid="kpi-total-tce"]')?.getAttribute("data-value")) > prev,
        first,
        { timeout: 90_000, polling: 500 },
      );
      expect(await kpiValue(livePage)).toBeGreaterThan(first);
    } finally {
      await livePage.close();
      await stop(live.child);
      await rm(liveDir, { recursive: true, force: true, maxRetries: 5 });
    }
  }, 240_000);
});
