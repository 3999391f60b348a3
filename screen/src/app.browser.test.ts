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
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
    expect(await page.getAttribute('[data-testid="chart-daily-tce"]', "data-days")).toBe("14");
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

  it("switches labels to English with ?lang=en", async () => {
    const en = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await en.goto(`${server.url}/?lang=en`);
    expect(await en.textContent(".title-bar h1")).toBe("Tongnan City Brain · Energy");
    expect(await en.getAttribute("html", "lang")).toBe("en");
    await en.close();
  }, 60_000);
});
