import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root (two levels above `vision/src/testing`). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where `npm run fixtures` puts test imagery (gitignored). */
export const fixturesDir = join(repoRoot, "fixtures");

/** One file recorded in `fixtures/manifest.json` by `scripts/fetch-fixtures.mjs`. */
export interface FixtureEntry {
  name: string;
  package: string;
  version: string;
  source: string;
  bytes: number;
  sha256: string;
}

/**
 * Absolute path of a fetched fixture file.
 *
 * @throws when the file is missing, with the command that fetches it — tests must fail, not skip,
 * because CI always runs the fixture script first.
 */
export function fixturePath(name: string): string {
  const path = join(fixturesDir, name);
  if (!existsSync(path)) {
    throw new Error(
      `test fixture ${name} is missing from ${fixturesDir}: run \`npm run fixtures\` from the repository root ` +
        "(fetches Debian test imagery with apt-get download)",
    );
  }
  return path;
}

/** The manifest written by the fixture script, or an error telling how to create it. */
export function fixtureManifest(): { packages: Record<string, string>; files: FixtureEntry[] } {
  const path = fixturePath("manifest.json");
  return JSON.parse(readFileSync(path, "utf8")) as {
    packages: Record<string, string>;
    files: FixtureEntry[];
  };
}
