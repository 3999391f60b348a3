/**
 * The live demo feed: a simulated clock that runs at real or accelerated time and, tick by
 * tick, feeds every stream's completed chunks through the store's real ingest path, runs the
 * alert rules over the new readings, writes the alerts they raise and clear, and tells the
 * screens (`alert` and `kpi` events; extracts through `onIngested`).
 */
import type { AlertRow, IngestResult } from "@citybrain/analytics";
import { STREAM_NAMES, type StreamName } from "@citybrain/datasets";
import { defaultSites, makeContext } from "@citybrain/datasets/generators";
import { alertToJson } from "../routes/alerts/index.ts";
import { INTERVAL_STREAMS, chunkCeil, chunkNext, windowBatchId } from "./chunk-grid.ts";
import { ChunkSource, type SimRow } from "./chunk-source.ts";
import { assertDemoStore } from "./demo-store.ts";
import { KpiTally } from "./kpi-tally.ts";
import { LiveAlerts, alertChange } from "./live-alerts.ts";
import { closeStaleAlerts, resumeCursors } from "./resume.ts";
import { GENERATED_ALERT_RULES, type SimulatorOptions, type SimulatorState } from "./simulator-options.ts";

/**
 * Feeds generated live data into a demo store.
 * @example
 * const sim = new Simulator({ store, preset: "demo", seed: 42, speed: 60, hub, onIngested: () => publisher.schedule() });
 * await sim.start();
 * // … on shutdown:
 * await sim.stop();
 */
export class Simulator {
  readonly #o: SimulatorOptions;
  readonly #source: ChunkSource;
  readonly #alerts: LiveAlerts;
  readonly #kpi = new KpiTally();
  readonly #streams: readonly StreamName[];
  readonly #now: () => number;
  readonly #cursor = new Map<StreamName, number>();
  #prepared: Promise<void> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #clock0 = 0;
  #clock = -Infinity;
  #real0 = 0;
  #ticks = 0;
  #rows = 0;
  #lastTickMs = 0;
  #errors = 0;
  #lastError: string | undefined;

  constructor(options: SimulatorOptions) {
    if (!((options.speed ?? 1) > 0)) throw new Error(`simulate: speed must be above 0, got ${options.speed}`);
    this.#o = options;
    const sites = options.sites ?? defaultSites(options.seed);
    this.#source = new ChunkSource(options.preset, options.seed, sites);
    this.#alerts = new LiveAlerts({ rules: options.rules, sites });
    this.#streams = STREAM_NAMES.filter((s) => (options.streams ?? STREAM_NAMES).includes(s));
    this.#now = options.now ?? Date.now;
  }

  /** The dataset's end: where the history stops and the live feed starts by default. */
  get historyEnd(): number {
    return makeContext({ preset: this.#o.preset, seed: this.#o.seed, sites: this.#source.sites }).end;
  }

  /** Checks the guard, resumes after chunks fed before, closes alerts a previous run left open. */
  #prepare(): Promise<void> {
    this.#prepared ??= (async () => {
      await assertDemoStore(this.#o.store, this.#o.force ?? false);
      const start = this.#o.startAt ?? this.historyEnd;
      const fed = await resumeCursors(this.#o.store);
      for (const s of this.#streams)
        this.#cursor.set(s, Math.max(chunkCeil(s, start), fed.get(s) ?? -Infinity));
      this.#clock0 = Math.max(start, ...fed.values());
      const closed = await closeStaleAlerts(this.#o.store, this.#alerts.rules, this.historyEnd, this.#clock0);
      if (closed) this.#afterIngest(closed.result, closed.rows);
    })().catch((e: unknown) => {
      this.#prepared = undefined; // a failed query may pass next time; the guard fails again anyway
      throw e;
    });
    return this.#prepared;
  }

  /** Starts ticking (after the guard check); rejects with SimulateGuardError on a production store. */
  async start(): Promise<void> {
    if (this.#running) return;
    await this.#prepare();
    this.#running = true;
    this.#real0 = this.#now();
    const clock0 = this.#clock0;
    const loop = () => {
      const t0 = performance.now();
      const to = clock0 + (this.#now() - this.#real0) * (this.#o.speed ?? 1);
      this.#queue = this.step(to)
        .catch((e: unknown) => {
          this.#errors++;
          this.#lastError = e instanceof Error ? e.message : String(e);
          this.#o.log?.(`simulate: tick failed: ${this.#lastError}`);
        })
        .finally(() => {
          this.#lastTickMs = performance.now() - t0;
          if (this.#running) this.#timer = setTimeout(loop, this.#o.tickMs ?? 1000);
        });
    };
    this.#timer = setTimeout(loop, this.#o.tickMs ?? 1000);
  }

  /** Stops ticking and waits for a running tick to finish. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#queue.catch(() => undefined);
  }

  /**
   * Feeds every complete chunk up to simulated time `to` (at most `maxChunksPerTick` per
   * stream), then publishes a `kpi` event. Steps never overlap: a second call waits.
   */
  step(to: number): Promise<void> {
    const run = this.#queue.catch(() => undefined).then(() => this.#step(to));
    this.#queue = run;
    return run;
  }

  async #step(to: number): Promise<void> {
    await this.#prepare();
    const max = this.#o.maxChunksPerTick ?? 120;
    let fed = 0;
    for (const stream of this.#streams) {
      const start = this.#cursor.get(stream) as number;
      let end = start;
      for (let n = 0; n < max && chunkNext(stream, end) <= to; n++) end = chunkNext(stream, end);
      if (end === start) continue;
      fed += await this.#feed(stream, start, end, to);
    }
    this.#clock = Math.max(this.#clock, to);
    this.#ticks++;
    if (fed > 0) this.#o.hub?.publish("kpi", this.#kpi.tick(to, this.#alerts.openAlerts().length));
  }

  /**
   * Feeds the complete chunks [start, end) of a stream as one batch, then the alerts its rows
   * raise; returns the rows fed. The cursor moves once the rows are in, so a failed alert write
   * never feeds the same readings to the rules twice.
   */
  async #feed(stream: StreamName, start: number, end: number, clock: number): Promise<number> {
    let rows = this.#source.rows(stream, start, end);
    if (stream === "alerts") rows = rows.filter((r) => GENERATED_ALERT_RULES.includes(String(r.rule)));
    if (rows.length > 0) {
      const result = await this.#o.store.ingest(stream, rows, { batchId: windowBatchId(stream, start, end) });
      this.#afterIngest(result, stream === "alerts" ? (rows as unknown as AlertRow[]) : []);
    }
    this.#cursor.set(stream, end);
    this.#kpi.add(stream, rows, clock);
    const raised = this.#alerts.feed(stream, rows, end);
    if (raised.length > 0) {
      const batchId = windowBatchId("alerts", start, end, stream);
      this.#afterIngest(await this.#o.store.ingest("alerts", raised, { batchId }), raised);
    }
    return rows.length;
  }

  #afterIngest(result: IngestResult, alerts: readonly AlertRow[]): void {
    if (result.replayed) return;
    this.#rows += result.accepted;
    this.#o.onIngested?.(result);
    for (const row of alerts)
      this.#o.hub?.publish("alert", { ...alertToJson(row), change: alertChange(row) });
  }

  /** Counters and the fed-until time. */
  state(): SimulatorState {
    const fed = this.#streams.filter((s) => INTERVAL_STREAMS.includes(s));
    const cursors = (fed.length > 0 ? fed : this.#streams).map((s) => this.#cursor.get(s) as number);
    return {
      running: this.#running,
      clock: Number.isFinite(this.#clock) ? new Date(this.#clock).toISOString() : null,
      fedUntil: this.#cursor.size > 0 ? new Date(Math.min(...cursors)).toISOString() : null,
      ticks: this.#ticks,
      rows: this.#rows,
      lastTickMs: Math.round(this.#lastTickMs),
      errors: this.#errors,
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
    };
  }

  /** The rows the simulator would feed for a stream's window [start, end) (tests, tooling). */
  windowRows(stream: StreamName, start: number, end: number): SimRow[] {
    return this.#source.rows(stream, start, end);
  }
}
