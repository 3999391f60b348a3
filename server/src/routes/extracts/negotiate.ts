/** Content codings we precompress extracts with, in server preference order. */
export const CODINGS = [
  // zstd first: about brotli's size, and faster for the browser to decode.
  { coding: "zstd", suffix: ".zst" },
  { coding: "br", suffix: ".br" },
  { coding: "gzip", suffix: ".gz" },
] as const;

/**
 * Picks the best precompressed sibling the client accepts (`Accept-Encoding`, q-values honoured),
 * or null for identity.
 */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: Readonly<Record<string, number>>,
): (typeof CODINGS)[number] | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  for (const c of CODINGS) {
    const q = accepted.get(c.coding) ?? accepted.get("*") ?? 0;
    if (q > 0 && available[c.coding] !== undefined) return c;
  }
  return null;
}
