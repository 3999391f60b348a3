/**
 * Building a generator context from a preset: the span (a fixed end, never the wall clock), the
 * sites (the reference data's generated sites unless given) and an empty ground-truth list.
 */
import { generateSites } from "../reference/sites/generate-sites.ts";
import { presetOf } from "./presets.ts";
import type { GeneratorSites } from "./site-shapes.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS, dayOfDate, dayStart } from "./time.ts";
import type { GeneratorContext, GroundTruthAnomaly, PresetName } from "./types.ts";

/** Options of {@link makeContext}. */
export interface MakeContextOptions {
  readonly preset: PresetName;
  readonly seed: number;
  /** Sites to generate for; default `generateSites({ seed })` from the reference data. */
  readonly sites?: GeneratorSites;
  /**
   * Exclusive end: a local date "YYYY-MM-DD" (Asia/Shanghai midnight starting it) or epoch ms
   * (rounded down to the hour; to the minute with `start`). Default: the preset's fixed end. The
   * start is the preset's `days` before it unless `start` is given.
   */
  readonly end?: string | number;
  /**
   * Start of a window (epoch ms, rounded down to the minute): the context covers [start, end)
   * instead of the preset's span, and the generators yield the window's rows — the same rows
   * whichever windows the time line is cut into (see window.ts), with a daily live anomaly plan.
   */
  readonly start?: number;
  /** Rows per batch; default the preset's. */
  readonly batchSize?: number;
}

const siteCache = new Map<number, GeneratorSites>();

/** The reference sites of a seed, generated once per process. */
export function defaultSites(seed: number): GeneratorSites {
  let sites = siteCache.get(seed);
  if (!sites) {
    sites = generateSites({ seed });
    siteCache.set(seed, sites);
  }
  return sites;
}

/**
 * A context for running the stream generators of a preset.
 * @example
 * const ctx = makeContext({ preset: "demo", seed: 42 });
 * for (const batch of GENERATORS.energy(ctx)) write(batch);
 * console.log(ctx.groundTruth); // the anomalies injected
 * // A live window: the rows of one quarter hour after the history ends.
 * const live = makeContext({ preset: "demo", seed: 42, start: ctx.end, end: ctx.end + 15 * 60_000 });
 */
export function makeContext(options: MakeContextOptions): GeneratorContext<GeneratorSites> {
  const preset = presetOf(options.preset);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  const windowed = options.start !== undefined;
  const grain = windowed ? MINUTE_MS : HOUR_MS;
  const end =
    typeof options.end === "number"
      ? Math.floor(options.end / grain) * grain
      : dayStart(dayOfDate(options.end ?? preset.end));
  if (!Number.isFinite(end))
    throw new Error(`end must be a date "YYYY-MM-DD" or epoch ms, got ${options.end}`);
  const start = windowed
    ? Math.floor(Number(options.start) / MINUTE_MS) * MINUTE_MS
    : end - preset.days * DAY_MS;
  if (!Number.isFinite(start) || start >= end)
    throw new Error(
      `start must be epoch ms before the end (${new Date(end).toISOString()}), got ${options.start}`,
    );
  const groundTruth: GroundTruthAnomaly[] = [];
  return {
    preset: preset.name,
    seed: options.seed,
    start,
    end,
    sites: options.sites ?? defaultSites(options.seed),
    batchSize: options.batchSize ?? preset.batchSize,
    groundTruth,
    ...(windowed ? { windowed: true } : {}),
  };
}
