import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeServeConfig, readServeConfig } from "./serve-config.ts";

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "cfg-")), "citybrain.json");
  await writeFile(path, content);
  return path;
}

describe("serve config file", () => {
  it("reads a valid file", async () => {
    const path = await file(JSON.stringify({ preset: "tiny", port: 9000, simulate: false, speed: 600 }));
    expect(await readServeConfig(path)).toEqual({ preset: "tiny", port: 9000, simulate: false, speed: 600 });
  });

  it("names the file and the key that is wrong", async () => {
    const bad = await file(JSON.stringify({ port: 70000, preset: "huge", prot: 1 }));
    const message = await readServeConfig(bad).then(
      () => "",
      (e: Error) => e.message,
    );
    expect(message).toContain(`${bad}: `);
    expect(message).toContain('"port"');
    expect(message).toContain('"preset"');
    expect(message).toContain('unknown key(s) "prot"');
    await expect(readServeConfig(await file("{nope"))).rejects.toThrow(/not JSON/);
    await expect(readServeConfig("/no/such/citybrain.json")).rejects.toThrow(/no such file/);
  });

  it("lets flags and environment variables win over the file, and the file over defaults", () => {
    const opts = { port: 8080, host: "0.0.0.0", preset: "demo", speed: 60 };
    const source: Record<string, string> = { port: "default", host: "cli", preset: "env", speed: "default" };
    const merged = mergeServeConfig(opts, (k) => source[k], {
      port: 9000,
      host: "127.0.0.1",
      preset: "tiny",
    });
    expect(merged).toEqual({ port: 9000, host: "0.0.0.0", preset: "demo", speed: 60 });
  });
});
