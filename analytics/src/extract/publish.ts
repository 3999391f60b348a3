import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { tableToIPC, type Table } from "apache-arrow";
import type { Store } from "../store/store.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { MANIFEST_FILE, type Manifest, type ManifestEntry } from "./manifest.ts";

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** Reads the current manifest, or null when nothing was published yet. */
export async function readManifest(root: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(root, MANIFEST_FILE), "utf8")) as Manifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`extracts manifest ${join(root, MANIFEST_FILE)} is unreadable: ${(e as Error).message}`);
  }
}

function timeRange(table: Table, column: string | undefined): [string, string] | null {
  const col = column ? table.getChild(column) : null;
  if (!col || table.numRows === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of col) {
    const ms = v instanceof Date ? v.getTime() : Number(v);
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  }
  return [new Date(lo).toISOString(), new Date(hi).toISOString()];
}

async function writeExtract(dir: string, def: ExtractDef, table: Table): Promise<ManifestEntry> {
  const bytes = tableToIPC(table, "stream");
  const file = `${def.name}.arrows`;
  const [gzBytes, brBytes] = await Promise.all([
    gz(bytes, { level: 6 }),
    br(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  ]);
  await Promise.all([
    writeFileAtomic(join(dir, file), bytes),
    writeFileAtomic(join(dir, `${file}.gz`), gzBytes),
    writeFileAtomic(join(dir, `${file}.br`), brBytes),
  ]);
  return {
    name: def.name,
    title: def.title,
    file,
    format: "arrow-ipc-stream",
    rows: table.numRows,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    encodings: { gzip: gzBytes.length, br: brBytes.length },
    fields: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
    timeRange: timeRange(table, def.timeColumn),
  };
}

/**
 * Computes every extract and publishes them as a new manifest version: files go to a fresh
 * `v<N>/` directory, then the manifest is replaced atomically. The previous version stays on
 * disk so clients mid-download can finish; older ones are removed.
 */
export async function publishExtracts(
  store: Store,
  root: string,
  defs: readonly ExtractDef[],
): Promise<Manifest> {
  await mkdir(root, { recursive: true });
  const previous = await readManifest(root);
  const version = (previous?.version ?? 0) + 1;
  const dir = `v${version}`;
  await rm(join(root, dir), { recursive: true, force: true });
  await mkdir(join(root, dir), { recursive: true });
  const extracts: ManifestEntry[] = [];
  for (const def of defs)
    extracts.push(await writeExtract(join(root, dir), def, await store.queryArrow(def.sql)));
  const manifest: Manifest = { version, generatedAt: new Date().toISOString(), dir, extracts };
  await writeFileAtomic(join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const keep = new Set([dir, previous?.dir]);
  for (const entry of await readdir(root)) {
    if (/^v\d+$/.test(entry) && !keep.has(entry))
      await rm(join(root, entry), { recursive: true, force: true });
  }
  return manifest;
}
