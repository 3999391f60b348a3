import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** One attribute of a TF node as the TFJS JSON stores it. */
export interface TfAttr {
  i?: string | number;
  f?: number;
  b?: boolean;
  s?: string;
  type?: string;
  shape?: { dim?: { size: string }[] };
  list?: { i?: (string | number)[]; s?: string[]; f?: number[] };
}

/** One node of a TFJS graph model's `modelTopology`. */
export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}

/** A constant tensor decoded from the weights file. */
export interface TfWeight {
  dtype: "float32" | "int32" | "bool";
  shape: number[];
  values: Float32Array | Int32Array | Uint8Array;
}

/** A TFJS graph model read into memory. */
export interface TfjsGraph {
  nodes: TfNode[];
  weights: Map<string, TfWeight>;
  /** Signature input/output names (TF tensor names) with their static shapes. */
  inputs: { name: string; shape: number[] }[];
  outputs: { name: string; shape: number[] }[];
}

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: TfWeight["dtype"];
  quantization?: { dtype: "float16" | "uint8" | "uint16"; scale?: number; min?: number };
}

interface GraphJson {
  format?: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: { paths: string[]; weights: WeightEntry[] }[];
  signature?: { inputs?: Record<string, SignatureEntry>; outputs?: Record<string, SignatureEntry> };
}

interface SignatureEntry {
  name: string;
  tensorShape?: { dim?: { size: string }[] };
}

/** Decodes one IEEE 754 half-precision value. */
export function float16ToFloat32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decodeWeight(entry: WeightEntry, bytes: Uint8Array): { weight: TfWeight; byteLength: number } {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const q = entry.quantization;
  if (q) {
    const width = q.dtype === "uint8" ? 1 : 2;
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const raw = width === 1 ? view.getUint8(i) : view.getUint16(i * 2, true);
      values[i] = q.dtype === "float16" ? float16ToFloat32(raw) : raw * (q.scale ?? 1) + (q.min ?? 0);
    }
    return { weight: { dtype: "float32", shape: entry.shape, values }, byteLength: count * width };
  }
  if (entry.dtype === "bool") {
    return {
      weight: { dtype: "bool", shape: entry.shape, values: bytes.slice(0, count) },
      byteLength: count,
    };
  }
  const values = entry.dtype === "float32" ? new Float32Array(count) : new Int32Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = entry.dtype === "float32" ? view.getFloat32(i * 4, true) : view.getInt32(i * 4, true);
  }
  return { weight: { dtype: entry.dtype, shape: entry.shape, values }, byteLength: count * 4 };
}

function signatureShapes(entries: Record<string, SignatureEntry> = {}): { name: string; shape: number[] }[] {
  return Object.values(entries).map((e) => ({
    name: e.name,
    shape: (e.tensorShape?.dim ?? []).map((d) => Number(d.size)),
  }));
}

/**
 * Reads a TFJS graph model (`model.json` + its weight shards, already loaded as bytes) and
 * decodes every weight, including float16- and uint8-quantised ones, to plain arrays.
 */
export function parseTfjsGraph(jsonText: string, shards: Uint8Array[]): TfjsGraph {
  const json = JSON.parse(jsonText) as GraphJson;
  if (json.format !== "graph-model") throw new Error(`expected a TFJS "graph-model", got "${json.format}"`);
  const weights = new Map<string, TfWeight>();
  let shardIndex = 0;
  for (const group of json.weightsManifest) {
    const parts = shards.slice(shardIndex, shardIndex + group.paths.length);
    shardIndex += group.paths.length;
    const data = Buffer.concat(parts);
    let offset = 0;
    for (const entry of group.weights) {
      const { weight, byteLength } = decodeWeight(entry, data.subarray(offset));
      if (offset + byteLength > data.length) throw new Error(`weights file too short for "${entry.name}"`);
      weights.set(entry.name, weight);
      offset += byteLength;
    }
  }
  return {
    nodes: json.modelTopology.node,
    weights,
    inputs: signatureShapes(json.signature?.inputs),
    outputs: signatureShapes(json.signature?.outputs),
  };
}

/** Reads a TFJS graph model from disk: the JSON and every shard it lists, from the same folder. */
export async function readTfjsGraph(jsonPath: string): Promise<TfjsGraph> {
  const text = await readFile(jsonPath, "utf8");
  const { weightsManifest } = JSON.parse(text) as GraphJson;
  const shards = await Promise.all(
    weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(dirname(jsonPath), p))),
  );
  return parseTfjsGraph(text, shards);
}
