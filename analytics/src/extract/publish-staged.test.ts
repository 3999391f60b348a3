import { readFile, readdir, stat } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { decompress, init } from "@bokuweb/zstd-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reading } from "../energy/energy-fixture.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyDailyTown } from "./extract-defs.ts";
import { energyHourlyEnterprise } from "./energy-extracts.ts";
import { fixtureStore } from "./extract-fixtures.test-support.ts";
import type { ExtractFile, Manifest } from "./manifest.ts";
import { publishExtractsStaged, readManifest } from "./publish.ts";

const defs = [energyDailyTown, energyHourlyEnterprise];
const files = (m: Manifest): ExtractFile[] =>
  m.extracts.flatMap((e): readonly ExtractFile[] => (e.parts?.length ? e.parts : [e]));

describe("publishExtractsStaged", () => {
  let store: DuckDBStore;
  let root: string;
  beforeAll(async () => {
    store = await fixtureStore({
      energy: [
        reading("ENT-A", "T1", "electricity", "2026-02-10T08:00", 2),
        reading("ENT-A", "T1", "electricity", "2026-03-10T08:00", 3),
        reading("ENT-B", "T2", "gas", "2026-03-11T09:00", 4),
      ],
    });
    root = await mkdtemp(join(tmpdir(), "extract-staged-"));
    await init();
  });
  afterAll(() => store.close());

  it("publishes Arrow files first, then lists each sibling once it is on disk", async () => {
    const { manifest, finished } = await publishExtractsStaged(store, root, defs);
    // Published: the Arrow files are there; nothing promised that is not written yet.
    expect(await readManifest(root)).toEqual(manifest);
    expect(files(manifest).map((f) => [f.encodings, f.parquet])).toEqual([
      [{}, undefined],
      [{}, undefined],
      [{}, undefined],
      [{}, undefined],
    ]);
    for (const f of files(manifest)) {
      expect((await stat(join(root, manifest.dir, f.file))).size).toBe(f.bytes);
      for (const coding of Object.keys(f.encodings)) {
        const suffix = { zstd: "zst", br: "br", gzip: "gz" }[coding] as string;
        expect((await stat(join(root, manifest.dir, `${f.file}.${suffix}`))).size).toBe(f.encodings[coding]);
      }
    }
    const done = await finished;
    expect(done.version).toBe(manifest.version);
    expect(files(done)).toHaveLength(4); // energy_daily_town, February, 10 and 11 March
    for (const f of files(done)) {
      const arrow = await readFile(join(root, done.dir, f.file));
      const sibling = (s: string) => readFile(join(root, done.dir, `${f.file}.${s}`));
      expect(Object.keys(f.encodings).sort()).toEqual(["br", "gzip", "zstd"]);
      expect(Buffer.compare(Buffer.from(decompress(await sibling("zst"))), arrow)).toBe(0);
      expect(Buffer.compare(brotliDecompressSync(await sibling("br")), arrow)).toBe(0);
      expect(Buffer.compare(gunzipSync(await sibling("gz")), arrow)).toBe(0);
      expect(f.encodings.zstd).toBe((await stat(join(root, done.dir, `${f.file}.zst`))).size);
      expect(f.parquet?.bytes).toBe((await stat(join(root, done.dir, f.parquet?.file ?? ""))).size);
    }
    expect(await readdir(join(root, ".staging"))).toEqual([]);
  });

  it("hands unfinished siblings over to the next version", async () => {
    // v2 has new files; v3 reuses them all, mostly before v2's siblings exist.
    await store.ingest("energy", [reading("ENT-B", "T2", "gas", "2026-03-12T09:00", 5)], { batchId: "e2" });
    const a = await publishExtractsStaged(store, root, defs, { changedStreams: ["energy"] });
    const b = await publishExtractsStaged(store, root, defs, { changedStreams: [] });
    expect(b.manifest.version).toBe(a.manifest.version + 1);
    const [, last] = await Promise.all([a.finished, b.finished]);
    expect(last.version).toBe(b.manifest.version);
    for (const f of files(last)) {
      expect(Object.keys(f.encodings).sort()).toEqual(["br", "gzip", "zstd"]);
      for (const name of [f.file, `${f.file}.zst`, `${f.file}.br`, `${f.file}.gz`, f.parquet?.file ?? "?"])
        await stat(join(root, last.dir, name));
    }
    // The Parquet sibling holds the Arrow file's rows.
    const march = last.extracts[1]?.parts?.filter((p) => p.month === "2026-03") ?? [];
    const read = (f?: ExtractFile) =>
      store.query(
        `SELECT enterprise_id, value FROM read_parquet('${join(root, last.dir, f?.parquet?.file ?? "")}')`,
      );
    expect(march.map((p) => p.day)).toEqual(["2026-03-10", "2026-03-11", "2026-03-12"]);
    expect([await read(march[0]), await read(march[1]), await read(march[2])]).toEqual([
      [{ enterprise_id: "ENT-A", value: 3 }],
      [{ enterprise_id: "ENT-B", value: 4 }],
      [{ enterprise_id: "ENT-B", value: 5 }],
    ]);
  });
});
