import {
  GENERATORS,
  airStations,
  defaultSites,
  energyMeters,
  makeContext,
  septicMonitors,
  type GeneratorContext,
  type GeneratorSites,
  type PresetName,
  type StreamGenerator,
} from "../generators/index.ts";
import { STREAMS, type StreamName } from "../streams/index.ts";

/** Where a dataset's rows come from: the stream generators, the sites and the run context. */
export interface DatasetSources {
  /** Stream generators by name; a stream without one cannot be generated. */
  readonly generators: Readonly<Partial<Record<StreamName, StreamGenerator<GeneratorSites>>>>;
  /** The reference sites of a seed (also written out as sites.json). */
  sites(seed: number): GeneratorSites;
  /** A fresh context for one stream's run (each stream gets its own ground-truth list). */
  context(options: {
    preset: PresetName;
    seed: number;
    sites: GeneratorSites;
  }): GeneratorContext<GeneratorSites>;
  /** About how many rows a stream will have (for progress bars); `undefined` if unknown. */
  estimateRows?(stream: StreamName, ctx: GeneratorContext<GeneratorSites>): number | undefined;
}

const GRAIN_MS: Readonly<Record<string, number>> = {
  "1m": 60_000,
  "5m": 300_000,
  "15m": 900_000,
  "1h": 3_600_000,
};

/** Sites × intervals for a stream with a fixed grain (data gaps make the real count a little lower). */
function gridRows(
  stream: StreamName,
  ctx: GeneratorContext<GeneratorSites>,
  sites: number,
): number | undefined {
  const step = GRAIN_MS[STREAMS[stream].grain];
  return step === undefined ? undefined : sites * Math.ceil((ctx.end - ctx.start) / step);
}

/** The project's generators and reference sites. */
export const DEFAULT_SOURCES: DatasetSources = {
  generators: GENERATORS,
  sites: (seed) => defaultSites(seed),
  context: (options) => makeContext(options),
  estimateRows: (stream, ctx) => {
    if (stream === "energy") return gridRows(stream, ctx, energyMeters(ctx).length);
    if (stream === "septic") return gridRows(stream, ctx, septicMonitors(ctx).length);
    if (stream === "air") return gridRows(stream, ctx, airStations(ctx).length);
    return undefined;
  },
};
