import {
  defaultSites,
  generateEnergy,
  generateSeptic,
  makeContext,
  type GeneratorContext,
  type GeneratorSites,
  type PresetName,
  type StreamGenerator,
} from "../generators/index.ts";
import type { StreamName } from "../streams/index.ts";

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
}

/** The project's generators and reference sites. */
export const DEFAULT_SOURCES: DatasetSources = {
  generators: { energy: generateEnergy, septic: generateSeptic },
  sites: (seed) => defaultSites(seed),
  context: (options) => makeContext(options),
};
