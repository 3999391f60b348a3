import type { ExtractInfo } from "../data/manifest.ts";
import { Coordinator } from "../query/coordinator.ts";
import { startDuckDbWasm } from "../query/duckdb-wasm-connector.ts";
import type { WasmDatabase } from "../query/duckdb-wasm-connector.ts";
import { createI18n, langFromSearch } from "../i18n/i18n.ts";
import { startClock } from "../layout/clock.ts";
import { keepFitted } from "../layout/fit-canvas.ts";
import { createCameraFeedPanel } from "../panels/camera-feed/index.ts";
import { createDailyTcePanel } from "../panels/daily-tce/index.ts";
import { createDataStatusPanel } from "../panels/data-status/index.ts";
import { createEnergyMap } from "../panels/energy-map/index.ts";
import { createEnergyMixPanel } from "../panels/energy-mix/index.ts";
import { createKpiStrip } from "../panels/kpi-strip/index.ts";
import type { Panel } from "../panels/panel.ts";
import { createTownRankingPanel } from "../panels/town-ranking/index.ts";
import { loadExtract, loadManifest, loadReference } from "./load-data.ts";
import { showDataAge } from "./data-age.ts";
import { buildWallLayout } from "./wall-layout.ts";
import { backoffMs } from "../data/backoff.ts";
import { onExtractsUpdated } from "../data/live-updates.ts";

/** The extract the energy scene reads. */
export const ENERGY_EXTRACT = "energy_daily_town";
const MANIFEST_POLL_MS = 60_000;

/**
 * Start the energy wall in `root`: layout, clock, panels, then data (retrying with backoff
 * until it arrives, never a blank page). Sets `data-state="ready"` on `root` when every panel
 * has drawn its first data, with `data-first-data-ms` = milliseconds since navigation start.
 */
export function startWall(root: HTMLElement): void {
  const i18n = createI18n(langFromSearch(location.search));
  const layout = buildWallLayout(root, i18n);
  root.dataset.state = "loading";
  startClock(layout.clock, i18n.clock);

  let db: Promise<WasmDatabase> | null = null;
  const database = (): Promise<WasmDatabase> =>
    (db ??= startDuckDbWasm().catch((e: unknown) => ((db = null), Promise.reject(e))));
  const coordinator = new Coordinator({
    query: async (sql, params) => (await database()).query(sql, params),
  });
  const ctx = { i18n, extract: ENERGY_EXTRACT };
  const select = (clause: Parameters<Coordinator["select"]>[1]): void =>
    void coordinator.select("town", clause);
  const kpi = createKpiStrip(ctx);
  const map = createEnergyMap(ctx, { select });
  const daily = createDailyTcePanel(ctx);
  const mix = createEnergyMixPanel(ctx);
  const ranking = createTownRankingPanel(ctx, { select });
  const status = createDataStatusPanel(ctx);
  layout.centre.append(kpi.frame.root, map.frame.root);
  // The camera panel reads the vision service, not DuckDB: it is not one of the query panels
  // (a server without vision must not hold the wall's "ready").
  const cameras = createCameraFeedPanel(i18n);
  layout.left.append(daily.frame.root, mix.frame.root, status.frame.root);
  layout.right.append(ranking.frame.root, cameras.frame.root);
  const panels: Panel[] = [kpi, map, daily, mix, ranking, status];
  panels.forEach((p) => coordinator.connect(p));
  keepFitted(layout.canvas, (fit) => panels.forEach((p) => p.setScale?.(fit.scale)));

  void Promise.all(panels.map((p) => p.rendered)).then(() => {
    root.dataset.firstDataMs = String(Math.round(performance.mark("citybrain:first-data").startTime));
    root.dataset.state = "ready";
  });

  // Start the engine (~1 s) while the manifest loads. Marks let benchmarks split the wait.
  void database().then(
    () => performance.mark("citybrain:duckdb-ready"),
    () => undefined,
  );
  let version = -1;
  let extract: ExtractInfo | null = null;
  let attempt = 0;
  let timer = 0;
  let loading = false;
  let again = false; // an update arrived while a load was running: load once more after it
  const schedule = (ms: number): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), ms);
  };
  // Republished extracts are pushed over SSE; the poll below is the fallback.
  onExtractsUpdated((v) => {
    if (v !== version) schedule(0);
  });
  const load = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      const manifest = await loadManifest();
      if (manifest.version !== version) {
        // The map builds its layers (shaders, glyph atlas) while DuckDB loads the extract.
        // The reference geometry does not change with data versions: fetch it once.
        const [data] = await Promise.all([
          loadExtract(manifest, ENERGY_EXTRACT, database()),
          version < 0 ? loadReference().then(map.setReference) : Promise.resolve(),
        ]);
        const engine = `DuckDB-WASM ${(await database()).version}`;
        status.setInfo({ manifest, extract: data.extract, engine, loadMs: performance.now() });
        daily.setThrough(manifest.through.energy ?? null);
        await coordinator.setFields({ [ENERGY_EXTRACT]: data.fields });
        version = manifest.version;
        extract = data.extract;
      }
      if (extract) showDataAge(layout, i18n, manifest, extract); // also re-judges staleness
      attempt = 0;
      schedule(MANIFEST_POLL_MS);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      console.error("citybrain wall: data load failed", error);
      if (version < 0) panels.forEach((p) => p.error(new Error(`${error.message}${i18n.t("retrying")}`)));
      attempt++;
      schedule(backoffMs(attempt));
    } finally {
      loading = false;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  };
  void load();
}
