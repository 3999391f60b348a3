import type { MultiPolygon, Polygon, Position } from "geojson";

/**
 * Decoding of ECharts' compressed map GeoJSON (`"UTF8Encoding": true`).
 *
 * Each ring is a string with two characters per vertex. A character's code minus 64 is a
 * zig-zag-encoded integer (0→0, 1→-1, 2→1, 3→-2, …); the integers are deltas from the previous
 * vertex, starting from the ring's `encodeOffsets` pair; dividing by the scale (1024 unless the
 * file says `UTF8Scale`) gives degrees.
 */

/** The geometry of one feature as it appears in an encoded ECharts file. */
export interface EncodedGeometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: unknown;
  encodeOffsets?: unknown;
}

const DEFAULT_SCALE = 1024;

function zigZag(code: number): number {
  return (code >> 1) ^ -(code & 1);
}

/** Decodes one encoded ring string, starting at offset `[x0, y0]` (integers, before scaling). */
export function decodeEchartsRing(
  encoded: string,
  offset: readonly [number, number],
  scale = DEFAULT_SCALE,
): Position[] {
  if (encoded.length % 2 !== 0) {
    throw new Error(`ECharts ring: expected an even number of characters, got ${encoded.length}`);
  }
  let [x, y] = offset;
  const ring: Position[] = [];
  for (let i = 0; i < encoded.length; i += 2) {
    x += zigZag(encoded.charCodeAt(i) - 64);
    y += zigZag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function asOffset(value: unknown, where: string): [number, number] {
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number")) {
    return [value[0] as number, value[1] as number];
  }
  throw new Error(`${where}: expected an [x, y] integer offset, got ${JSON.stringify(value)}`);
}

function decodeRings(rings: unknown, offsets: unknown, scale: number, where: string): Position[][] {
  if (!Array.isArray(rings) || !Array.isArray(offsets) || rings.length !== offsets.length) {
    throw new Error(`${where}: expected ring strings with one encodeOffsets pair each`);
  }
  return rings.map((ring, k) => {
    if (typeof ring !== "string") throw new Error(`${where}, ring ${k}: expected an encoded string`);
    const ringOut = decodeEchartsRing(ring, asOffset(offsets[k], `${where}, ring ${k}`), scale);
    const first = ringOut[0];
    const last = ringOut[ringOut.length - 1];
    // GeoJSON wants closed rings; ECharts rings usually are, but don't rely on it.
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ringOut.push([...first]);
    return ringOut;
  });
}

/**
 * Decodes an encoded ECharts Polygon/MultiPolygon into plain GeoJSON coordinates (degrees).
 *
 * @param where - a label for error messages, e.g. `feature 潼南区`.
 */
export function decodeEchartsGeometry(
  geometry: EncodedGeometry,
  scale = DEFAULT_SCALE,
  where = "geometry",
): Polygon | MultiPolygon {
  const { coordinates, encodeOffsets } = geometry;
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: decodeRings(coordinates, encodeOffsets, scale, where) };
  }
  if (!Array.isArray(coordinates) || !Array.isArray(encodeOffsets)) {
    throw new Error(`${where}: MultiPolygon needs coordinates and encodeOffsets arrays`);
  }
  return {
    type: "MultiPolygon",
    coordinates: coordinates.map((polygon, i) =>
      decodeRings(polygon, encodeOffsets[i], scale, `${where}, polygon ${i}`),
    ),
  };
}
