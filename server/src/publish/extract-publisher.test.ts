import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_EXTRACTS, DuckDBStore, type ExtractDef } from "@citybrain/analytics";
import { describe, expect, it } from "vitest";
import { EventHub } from "../events/event-hub.ts";
import { ExtractPublisher } from "./extract-publisher.ts";

describe("ExtractPublisher", () => {
  it("coalesces a steady stream of writes into one publish per window and announces it", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    const hub = new EventHub();
    const sub = hub.subscribe();
    const root = await mkdtemp(join(tmpdir(), "pub-"));
    const p = new ExtractPublisher({
      store,
      root,
      extracts: DEFAULT_EXTRACTS.slice(0, 1),
      hub,
      debounceMs: 200,
    });
    // Writes every 50 ms for ~700 ms: a resetting debounce would never fire; this publishes ~3×.
    for (let i = 0; i < 14; i++) {
      p.schedule();
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    await p.stop();
    const versions = p.state().version ?? 0;
    expect(versions).toBeGreaterThanOrEqual(2);
    expect(versions).toBeLessThanOrEqual(5);
    const events = await sub.next();
    expect(
      events.filter((e) => e.type === "extracts-updated").map((e) => (e.data as { version: number }).version),
    ).toEqual(Array.from({ length: versions }, (_, i) => i + 1));
    await store.close();
  });
});

describe("ExtractPublisher when a publish fails", () => {
  it("keeps serving the last good version, reports the error and catches up later", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    const root = await mkdtemp(join(tmpdir(), "pub-fail-"));
    const defs: ExtractDef[] = [...DEFAULT_EXTRACTS.slice(0, 1)];
    const p = new ExtractPublisher({ store, root, extracts: defs });
    expect((await p.publishNow())?.version).toBe(1);
    // Any failure mid-publish (a full disk, a broken definition) must leave v1 serving.
    defs.push({ name: "broken", title: { zh: "坏", en: "broken" }, sql: "SELECT * FROM no_such_table" });
    await expect(p.publishNow()).resolves.toBeDefined(); // never throws at the caller
    expect(p.state()).toMatchObject({ ok: false, version: 1 });
    expect(p.state().detail).toMatch(/publishing extracts failed: .*no_such_table/);
    expect(JSON.parse(await readFile(join(root, "manifest.json"), "utf8")).version).toBe(1);
    defs.pop();
    expect((await p.publishNow())?.version).toBe(2);
    expect(p.state().ok).toBe(true);
    await store.close();
  });
});

describe("ExtractPublisher with staged siblings", () => {
  it("announces a version when its Arrow files are live; compressed siblings follow in its manifest", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    const hub = new EventHub();
    const sub = hub.subscribe();
    const root = await mkdtemp(join(tmpdir(), "pub-staged-"));
    const p = new ExtractPublisher({ store, root, extracts: DEFAULT_EXTRACTS.slice(0, 1), hub });
    const m = await p.publishNow();
    // What was announced promised no sibling yet: the server serves the Arrow file as is.
    expect(m?.extracts[0]?.encodings).toEqual({});
    expect((await sub.next()).map((e) => e.type)).toContain("extracts-updated");
    const listed = async () => {
      const disk = JSON.parse(await readFile(join(root, "manifest.json"), "utf8")) as typeof m;
      return Object.keys(disk?.extracts[0]?.encodings ?? {}).sort();
    };
    for (let i = 0; i < 100 && (await listed()).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await listed()).toEqual(["br", "gzip", "zstd"]);
    expect(p.state()).toEqual({ ok: true, version: 1 });
    await p.stop(); // stops background work, so the store can close
    await store.close();
  });
});
