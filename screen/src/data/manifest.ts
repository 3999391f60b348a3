import { isIdentifier } from "@citybrain/analytics/browser";

/** One extract listed by `GET /api/manifest`. */
export interface ExtractInfo {
  name: string;
  /** Where to fetch the Arrow IPC stream, relative to the page. */
  url: string;
  rows: number;
  bytes: number;
  format: "arrow-ipc-stream";
  /** First and last day or time in the extract (ISO), if it has a time column. */
  timeRange: [string, string] | null;
}

/** `GET /api/manifest`: the published extracts of one data version. */
export interface ExtractManifest {
  version: number;
  /** ISO time the extracts were published. */
  generatedAt: string;
  /** Per stream, the newest time its rows reach (ISO); absent from older servers. */
  through: Record<string, string>;
  extracts: ExtractInfo[];
}

function fail(path: string, expected: string, got: unknown): never {
  throw new Error(`manifest ${path}: expected ${expected}, got ${JSON.stringify(got)}`);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "an object", value);
  return value as Record<string, unknown>;
}

function count(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    fail(path, "a non-negative integer", value);
  return value;
}

function parseExtract(value: unknown, path: string): ExtractInfo {
  const e = record(value, path);
  if (typeof e.name !== "string" || !isIdentifier(e.name)) fail(`${path}.name`, "an identifier", e.name);
  if (typeof e.url !== "string" || e.url === "") fail(`${path}.url`, "a URL", e.url);
  if (e.format !== "arrow-ipc-stream") fail(`${path}.format`, '"arrow-ipc-stream"', e.format);
  const range = e.timeRange ?? null;
  if (
    range !== null &&
    !(Array.isArray(range) && range.length === 2 && range.every((s) => typeof s === "string"))
  ) {
    fail(`${path}.timeRange`, "null or [start, end] ISO strings", range);
  }
  return {
    name: e.name,
    url: e.url,
    rows: count(e.rows, `${path}.rows`),
    bytes: count(e.bytes, `${path}.bytes`),
    format: "arrow-ipc-stream",
    timeRange: range as [string, string] | null,
  };
}

/**
 * Check an untrusted `/api/manifest` body. Extra fields are allowed (the server may add more).
 *
 * @throws Error naming the path, e.g. `manifest extracts[0].rows: expected a non-negative integer, got "12"`.
 */
export function parseManifest(value: unknown): ExtractManifest {
  const m = record(value, "(root)");
  const version = count(m.version, "version");
  if (typeof m.generatedAt !== "string" || Number.isNaN(Date.parse(m.generatedAt))) {
    fail("generatedAt", "an ISO-8601 time", m.generatedAt);
  }
  if (!Array.isArray(m.extracts)) fail("extracts", "an array", m.extracts);
  const through: Record<string, string> = {};
  for (const [stream, at] of Object.entries(m.through === undefined ? {} : record(m.through, "through"))) {
    if (typeof at !== "string" || Number.isNaN(Date.parse(at)))
      fail(`through.${stream}`, "an ISO-8601 time", at);
    through[stream] = at;
  }
  return {
    version,
    generatedAt: m.generatedAt,
    through,
    extracts: m.extracts.map((e, i) => parseExtract(e, `extracts[${i}]`)),
  };
}
