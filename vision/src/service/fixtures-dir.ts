import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's `fixtures/` folder (filled by `npm run fixtures`; gitignored). */
export const DEMO_FIXTURES_DIR = join(
  resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
  "fixtures",
);

/** What to do about a missing file: fixtures come from `npm run fixtures`. */
export const FIXTURES_HINT = "run `npm run fixtures` from the repository root";
