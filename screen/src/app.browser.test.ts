// The built wall in a real Chromium against an in-memory copy of the server's data contract:
// DuckDB-WASM's answer on screen must equal native DuckDB's on the same rows.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatZh } from "@citybrain/analytics/browser";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNodeDb } from "./query/duckdb-node.test-support.ts";
import type { NodeDb } from "./query/duckdb-node.test-support.ts";
import {
  TONGNAN_TOWNS,
  energyArrowStream,
  energyRows,
  energySql,
} from "./testing/energy-fixture.test-support.ts";
import { startFixtureServer } from "./testing/fixture-server.test-support.ts";
import { CENTRE_CELL, gridGeo } from "./testing/grid-geo.test-support.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const screenDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXTRACT_URL = "/api/extracts/energy_daily_town.arrow";

if (!existsSync(CHROMIUM))
  console.warn(
    `skipping browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH)`,
  );

describe.skipIf(!existsSync(CHROMIUM))("energy wall in Chromium", () => {
  const rows = energyRows({ start: "2025-03-01", days: 14 });
  const centreTown = TONGNAN_TOWNS[CENTRE_CELL] as { code: string; name: string };
  let distDir: string;
  let native: NodeDb;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: Browser;
  let page: Page;
  // The vision service's side of the contract: one live camera with a real JPEG, one dark.
  const frames: Record<string, Uint8Array> = {};
  const cameraList = {
    cameras: [
      {
        cameraId: "CAM-00822",
        name: "桂林街道·人民路与潼龙路路口-15",
        state: "online",
        online: true,
        reason: null,
        lastFrameTimestamp: Date.now(),
        fps: 2,
        processMs: 71.4,
      },
      {
        cameraId: "GATE-1",
        name: "梓潼街道·滨江路路口-12",
        state: "offline",
        online: false,
        reason: "ffmpeg: rtsp://cam/stream: Connection refused (retry in 8 s)",
        lastFrameTimestamp: null,
        fps: 0,
        processMs: null,
      },
    ],
  };
  const alertPage = {
    alerts: [
      {
        alert_id: "VIS-CAM-00822-CROWD-plaza",
        ts: "2026-11-27T05:00:30.000Z",
        source: "vision",
        rule: "vision.crowding",
        severity: "major",
        site_id: "CAM-00822",
        message: "桂林街道·人民路与潼龙路路口-15（CAM-00822）广场步行区：人员聚集 7 人，已持续 5 秒",
        evidence: "vision-evidence/VIS-CAM-00822-CROWD-plaza.jpg",
        status: "open",
      },
    ],
    total: 1,
    limit: 2,
    offset: 0,
  };
  const noFrame = {
    status: 503,
    type: "application/json",
    body: JSON.stringify({ error: { code: "no_frame_yet", message: "no frame yet" } }),
  };

  const sumTce = async (where = "", params: string[] = []): Promise<number> =>
    Number((await native.query(`SELECT sum(tce) AS tce FROM energy_daily_town ${where}`, params))[0]?.tce);
  const kpiValue = async (): Promise<number> =>
    Number(await page.getAttribute('[data-testid="kpi-total-tce"]', "data-value"));

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), "citybrain-screen-"));
    await build({
      root: screenDir,
      mode: "test",
      logLevel: "warn",
      build: { outDir: distDir, emptyOutDir: true },
    });
    native = await openNodeDb(energySql(rows));
    const bytes = energyArrowStream(rows);
    const geo = gridGeo(TONGNAN_TOWNS);
    server = await startFixtureServer({
      distDir,
      manifest: {
        version: 1,
        generatedAt: new Date().toISOString(),
        // The energy data reaches 12:00 Beijing time on the last day: that day is still filling.
        through: { energy: "2025-03-14T04:00:00.000Z" },
        extracts: [
          {
            name: "energy_daily_town",
            url: EXTRACT_URL,
            rows: rows.length,
            bytes: bytes.length,
            format: "arrow-ipc-stream",
            timeRange: ["2025-03-01", "2025-03-14"],
          },
        ],
      },
      extracts: { [EXTRACT_URL]: bytes },
      outline: geo.outline,
      towns: geo.towns,
      routes: {
        "/api/cameras": () => ({ type: "application/json", body: JSON.stringify(cameraList) }),
        "/api/cameras/CAM-00822/snapshot.jpg": () =>
          frames["CAM-00822"] ? { type: "image/jpeg", body: frames["CAM-00822"] } : noFrame,
        "/api/cameras/GATE-1/snapshot.jpg": () => noFrame,
        // The fixture lists the same events whichever camera is asked for.
        "/api/alerts": () => ({ type: "application/json", body: JSON.stringify(alertPage) }),
        "/api/vision-evidence/VIS-CAM-00822-CROWD-plaza.jpg": () =>
          frames.evidence ? { type: "image/jpeg", body: frames.evidence } : noFrame,
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // A real JPEG for the live camera: Chromium's own picture of a small scene, 640×480.
    const painter = await browser.newPage({ viewport: { width: 640, height: 480 } });
    await painter.setContent(
      '<body style="margin:0;background:#123"><div style="margin:120px;width:200px;height:120px;border:4px solid #0f0"></div></body>',
    );
    frames["CAM-00822"] = await painter.screenshot({ type: "jpeg", quality: 80 });
    await painter.setViewportSize({ width: 320, height: 240 }); // the event's snapshot: another size
    frames.evidence = await painter.screenshot({ type: "jpeg", quality: 80 });
    await painter.close();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on("pageerror", (e) => console.error("page error:", e.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    native?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it("shows the district's total tce exactly as native DuckDB computes it", async () => {
    await page.goto(`${server.url}/wall`);
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 120_000 });
    const expected = await sumTce();
    expect(expected).toBeGreaterThan(0);
    expect(await kpiValue()).toBeCloseTo(expected, 6);
    // After the ~1 s roll the visible text is the formatted number with its unit.
    const text = `${formatZh(expected, { digits: 2, fixed: true })}吨标准煤`;
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="kpi-total-tce"]')?.textContent === t,
      text,
      { timeout: 10_000 },
    );
    // 13 whole days drawn; the 14th, still filling, is written above them instead of a drop.
    expect(await page.getAttribute('[data-testid="chart-daily-tce"]', "data-days")).toBe("13");
    expect(await page.getAttribute('[data-testid="chart-daily-tce"]', "data-partial-day")).toBe(
      "2025-03-14 12:00",
    );
    expect(await page.textContent('[data-testid="selected-town"]')).toBe("全区");
    // The shipped CJK font is what draws the Chinese (a wall PC may have none of its own).
    expect(
      await page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes("Noto Sans SC") && f.status === "loaded"),
      ),
    ).toBe(true);
    mkdirSync(join(screenDir, "test-output"), { recursive: true });
    await page.screenshot({ path: join(screenDir, "test-output", "wall.png") });
  }, 180_000);

  it("clicking a town filters the KPI to it, clicking again clears", async () => {
    const canvas = page.locator('[data-panel="map"] canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error("the map has no canvas");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="selected-town"]')?.textContent === name,
      centreTown.name,
      { timeout: 20_000 },
    );
    const expected = await sumTce("WHERE town_code = ?", [centreTown.code]);
    await expect.poll(kpiValue, { timeout: 20_000 }).toBeCloseTo(expected, 6);
    expect(await page.getAttribute('[data-testid="selected-town"]', "data-code")).toBe(centreTown.code);

    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="selected-town"]')?.textContent === "全区",
      null,
      { timeout: 20_000 },
    );
    await expect.poll(kpiValue, { timeout: 20_000 }).toBeCloseTo(await sumTce(), 6);
  }, 120_000);

  it("shows the live camera's frame and figures; a camera picked by hand says why it is dark", async () => {
    const live = '[data-testid="camera-picture"] img[data-camera="CAM-00822"]';
    await page.waitForSelector(live, { timeout: 20_000 });
    expect(
      await page.$eval(live, (img) => [
        (img as HTMLImageElement).naturalWidth,
        (img as HTMLImageElement).naturalHeight,
      ]),
    ).toEqual([640, 480]);
    expect(await page.textContent('[data-testid="cameras-online"]')).toBe("在线 1/2");
    expect(await page.textContent('[data-testid="camera-state"]')).toBe("在线");
    expect(await page.textContent('[data-testid="camera-name"]')).toBe("桂林街道·人民路与潼龙路路口-15");
    const meta = (await page.textContent('[data-testid="camera-meta"]')) ?? "";
    expect(meta).toContain("CAM-00822");
    expect(meta).toContain("2 帧/秒");
    expect(meta).toContain("处理 71 ms");
    expect(await page.isHidden('[data-testid="camera-note"]')).toBe(true);
    // The camera's newest event, in Beijing time; a tap shows its snapshot in place of the frames.
    const event = '[data-testid="camera-events"] [data-alert="VIS-CAM-00822-CROWD-plaza"]';
    await page.waitForSelector(event, { timeout: 20_000 });
    expect(await page.textContent(event)).toBe("13:00:30广场步行区：人员聚集 7 人，已持续 5 秒");
    await page.click(event);
    const snapshot = '[data-testid="camera-picture"] img[data-alert="VIS-CAM-00822-CROWD-plaza"]';
    await page.waitForSelector(snapshot, { timeout: 10_000 });
    expect(
      await page.$eval(snapshot, (img) => [
        (img as HTMLImageElement).naturalWidth,
        (img as HTMLImageElement).naturalHeight,
      ]),
    ).toEqual([320, 240]);
    expect(await page.isVisible(".camera-evidence-badge")).toBe(true);
    await page.screenshot({ path: join(screenDir, "test-output", "wall-camera-event.png") });

    await page.click('.camera-chip[data-camera="GATE-1"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="camera-state"]')?.textContent === "离线",
      null,
      { timeout: 10_000 },
    );
    expect(await page.textContent('[data-testid="camera-note"]')).toContain("Connection refused");
    expect(await page.$('[data-testid="camera-picture"] img')).toBeNull();
    expect(await page.getAttribute('.camera-chip[data-camera="GATE-1"]', "aria-selected")).toBe("true");
    // Back to the live one by hand: its frame returns.
    await page.click('.camera-chip[data-camera="CAM-00822"]');
    await page.waitForSelector(live, { timeout: 10_000 });
    await page.screenshot({ path: join(screenDir, "test-output", "wall-cameras.png") });
  }, 60_000);

  it("switches labels to English with ?lang=en", async () => {
    const en = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await en.goto(`${server.url}/?lang=en`);
    expect(await en.textContent(".title-bar h1")).toBe("Tongnan City Brain · Energy");
    expect(await en.getAttribute("html", "lang")).toBe("en");
    await en.close();
  }, 60_000);
});
