import type { OnnxElemType, OnnxGraphBuilder } from "./onnx-graph-builder.ts";
import type { TfAttr, TfNode, TfWeight, TfjsGraph } from "./tfjs-graph.ts";

/**
 * Where a TF tensor lives in the ONNX graph. TF image tensors are NHWC; ONNX convolutions want
 * NCHW. Rather than wrapping every convolution in transposes, 4-D activations are kept NCHW
 * (`"nchw"`) from the first convolution on, and transposed back to TF order (`"native"`) only
 * where an op depends on element order (Reshape, TopK, Gather…) or at a graph output.
 */
export type Layout = "native" | "nchw";

/** An ONNX tensor standing for a TF tensor, and the layout it is in. */
export interface TensorRef {
  name: string;
  layout: Layout;
}

const NHWC_TO_NCHW = [0, 3, 1, 2];
const NCHW_TO_NHWC = [0, 2, 3, 1];

/** Maps a TF axis of a 4-D NHWC tensor to the same axis of its NCHW form. */
export function nchwAxis(axis: number): number {
  const a = axis < 0 ? axis + 4 : axis;
  return [0, 2, 3, 1][a] ?? a;
}

/** State shared by the op converters: the TF graph, the ONNX builder and the tensor map. */
export class ConversionContext {
  private readonly tensors = new Map<string, TensorRef>();
  private readonly transposed = new Map<string, string>();
  private readonly scalars = new Map<string, string>();
  private readonly nodes: Map<string, TfNode>;

  constructor(
    readonly graph: TfjsGraph,
    readonly builder: OnnxGraphBuilder,
  ) {
    this.nodes = new Map(graph.nodes.map((n) => [n.name, n]));
  }

  /** Records the ONNX tensor that stands for TF output `tfName` (`node` or `node:1`). */
  define(tfName: string, ref: TensorRef): void {
    this.tensors.set(canonical(tfName), ref);
  }

  /** True when `tfName` is a Const node backed by a weight. */
  isConst(tfName: string): boolean {
    return this.nodes.get(canonical(tfName))?.op === "Const";
  }

  /** The decoded value of a Const input. */
  weight(tfName: string): TfWeight {
    const weight = this.graph.weights.get(canonical(tfName));
    if (!weight) throw new Error(`"${tfName}" is not a constant with a value in the weights file`);
    return weight;
  }

  /** A Const input as plain numbers. */
  constValues(tfName: string): number[] {
    return Array.from(this.weight(tfName).values);
  }

  /** True for a constant holding a single element, which broadcasts in any layout. */
  isScalarConst(tfName: string): boolean {
    return this.isConst(tfName) && this.weight(tfName).values.length === 1;
  }

  /** The tensor as converted so far (constants become initialisers on first use). */
  ref(tfName: string): TensorRef {
    const key = canonical(tfName);
    const known = this.tensors.get(key);
    if (known) return known;
    if (this.isConst(key)) {
      const w = this.weight(key);
      const type: OnnxElemType = w.dtype === "bool" ? "bool" : w.dtype;
      const ref: TensorRef = { name: this.builder.constant(key, type, w.shape, w.values), layout: "native" };
      this.tensors.set(key, ref);
      return ref;
    }
    throw new Error(`tensor "${tfName}" is used before any node produces it`);
  }

  /** The tensor in TF element order, transposing back from NCHW once if needed. */
  native(tfName: string): string {
    const ref = this.ref(tfName);
    return ref.layout === "native"
      ? ref.name
      : this.transpose(ref.name, NCHW_TO_NHWC, `${canonical(tfName)}__nhwc`);
  }

  /** A 4-D NHWC tensor in NCHW order, transposing once if needed. */
  nchw(tfName: string): string {
    const ref = this.ref(tfName);
    return ref.layout === "nchw"
      ? ref.name
      : this.transpose(ref.name, NHWC_TO_NCHW, `${canonical(tfName)}__nchw`);
  }

  private transpose(name: string, perm: number[], hint: string): string {
    const key = `${name}|${perm.join()}`;
    const done = this.transposed.get(key);
    if (done) return done;
    const [out] = this.builder.node("Transpose", [name], { name: hint, outputs: [hint], attrs: { perm } });
    if (!out) throw new Error(`Transpose of ${name} produced no output`);
    this.transposed.set(key, out);
    return out;
  }

  /** An int64 initialiser (shapes, axes, k…). */
  int64(hint: string, values: number[]): string {
    return this.builder.constant(hint, "int64", [values.length], values);
  }

  /** A float32 scalar initialiser, shared by every node that asks for the same value. */
  scalar(hint: string, value: number): string {
    const key = `${hint}|${value}`;
    let name = this.scalars.get(key);
    if (!name) {
      name = this.builder.constant(hint, "float32", [], [value]);
      this.scalars.set(key, name);
    }
    return name;
  }
}

/** TF names `x` and `x:0` are the same tensor. */
export function canonical(tfName: string): string {
  return tfName.endsWith(":0") ? tfName.slice(0, -2) : tfName;
}

/** Reads a string attribute (TFJS stores them base64-encoded). */
export function attrString(node: TfNode, key: string): string | undefined {
  const s = node.attr?.[key]?.s;
  return s === undefined ? undefined : Buffer.from(s, "base64").toString("utf8");
}

/** Reads an integer-list attribute. */
export function attrInts(node: TfNode, key: string): number[] | undefined {
  return node.attr?.[key]?.list?.i?.map(Number);
}

/** Reads an integer attribute. */
export function attrInt(node: TfNode, key: string): number | undefined {
  const i = node.attr?.[key]?.i;
  return i === undefined ? undefined : Number(i);
}

/** Reads a boolean attribute. */
export function attrBool(node: TfNode, key: string): boolean | undefined {
  return (node.attr?.[key] as TfAttr | undefined)?.b;
}

/** Reads a string-list attribute (fused op names). */
export function attrStrings(node: TfNode, key: string): string[] {
  return (node.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, "base64").toString("utf8"));
}

/** The node's data inputs (control inputs `^x` dropped). */
export function dataInputs(node: TfNode): string[] {
  return (node.input ?? []).filter((i) => !i.startsWith("^"));
}
