import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { MANIFEST_FILE, type Manifest } from "@citybrain/analytics";

// What serving needs of a manifest; a file that lacks it is as unreadable as broken JSON.
const manifestShape = z.looseObject({
  version: z.number().int().min(1),
  generatedAt: z.string(),
  dir: z.string().regex(/^v\d+$/, "must be v<N>"),
  extracts: z.array(
    z.looseObject({
      name: z.string().min(1),
      file: z.string().regex(/^[\w.-]+$/, "must be a plain file name"),
      rows: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      encodings: z.record(z.string(), z.number().int().min(0)),
    }),
  ),
});

/** The manifest to serve now: the current file's, or the last good one while the file is broken. */
export type ManifestState =
  | { readonly manifest: Manifest; readonly stale: null }
  | {
      readonly manifest: Manifest;
      readonly stale: "manifest-missing" | "manifest-unreadable";
      readonly reason: string;
    }
  | { readonly manifest: null; readonly code: "not_ready" | "extracts_unavailable"; readonly reason: string };

/**
 * Reads `manifest.json` on every call and remembers the last good one, so a deleted, truncated
 * or garbled manifest (a disk fault, a hand edit) does not take the screens down: they keep the
 * last good version until the publisher writes a good manifest again.
 * @example
 * const source = new ManifestSource("data/extracts");
 * const state = await source.current();
 */
export class ManifestSource {
  #lastGood: Manifest | undefined;

  constructor(readonly root: string) {}

  async current(): Promise<ManifestState> {
    const path = join(this.root, MANIFEST_FILE);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
      const reason = missing
        ? `${MANIFEST_FILE} is missing`
        : `${MANIFEST_FILE} cannot be read: ${(e as Error).message}`;
      if (this.#lastGood) {
        return {
          manifest: this.#lastGood,
          stale: missing ? "manifest-missing" : "manifest-unreadable",
          reason,
        };
      }
      if (missing)
        return { manifest: null, code: "not_ready", reason: "no extracts have been published yet" };
      return { manifest: null, code: "extracts_unavailable", reason };
    }
    let parsed;
    try {
      parsed = manifestShape.safeParse(JSON.parse(text));
    } catch (e) {
      return this.#broken(`${MANIFEST_FILE} is not JSON: ${(e as Error).message}`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.#broken(
        `${MANIFEST_FILE} is malformed: ${issue?.path.join(".") || "(root)"} ${issue?.message}`,
      );
    }
    this.#lastGood = parsed.data as unknown as Manifest;
    return { manifest: this.#lastGood, stale: null };
  }

  #broken(reason: string): ManifestState {
    if (this.#lastGood) return { manifest: this.#lastGood, stale: "manifest-unreadable", reason };
    return { manifest: null, code: "extracts_unavailable", reason };
  }
}
