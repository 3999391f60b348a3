import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { convertTfjsGraph } from "./convert-tfjs-graph.ts";
import { float16ToFloat32 } from "./tfjs-graph.ts";
import type { TfAttr, TfNode, TfWeight, TfjsGraph } from "./tfjs-graph.ts";

const b64 = (s: string): string => Buffer.from(s).toString("base64");
const ints = (...i: number[]): TfAttr => ({ list: { i: i.map(String) } });
const f32 = (shape: number[], fill: (i: number) => number): TfWeight => {
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype: "float32", shape, values: Float32Array.from({ length: n }, (_, i) => fill(i)) };
};
const i32 = (shape: number[], values: number[]): TfWeight => ({
  dtype: "int32",
  shape,
  values: Int32Array.from(values),
});

/** Plain NHWC convolution (TF semantics, SAME padding) to check the converter against. */
function referenceConv(
  x: Float32Array,
  [h, w, c]: number[],
  k: TfWeight,
  stride: number,
  depthwise: boolean,
): { data: Float32Array; dims: number[] } {
  const [kh = 1, kw = 1, , m = 1] = k.shape;
  const cout = depthwise ? c! * m : m;
  const oh = Math.ceil(h! / stride);
  const ow = Math.ceil(w! / stride);
  const padTop = Math.floor(Math.max((oh - 1) * stride + kh - h!, 0) / 2);
  const padLeft = Math.floor(Math.max((ow - 1) * stride + kw - w!, 0) / 2);
  const out = new Float32Array(oh * ow * cout);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let o = 0; o < cout; o++) {
        let sum = 0;
        for (let ky = 0; ky < kh; ky++)
          for (let kx = 0; kx < kw; kx++) {
            const iy = oy * stride + ky - padTop;
            const ix = ox * stride + kx - padLeft;
            if (iy < 0 || ix < 0 || iy >= h! || ix >= w!) continue;
            const inputs = depthwise ? [Math.floor(o / m)] : Array.from({ length: c! }, (_, i) => i);
            for (const i of inputs) {
              const kIndex = depthwise
                ? ((ky * kw + kx) * c! + i) * m + (o % m)
                : ((ky * kw + kx) * c! + i) * m + o;
              sum += (x[(iy * w! + ix) * c! + i] ?? 0) * (k.values[kIndex] ?? 0);
            }
          }
        out[(oy * ow + ox) * cout + o] = sum;
      }
  return { data: out, dims: [1, oh, ow, cout] };
}

async function run(
  graph: TfjsGraph,
  feeds: Record<string, ort.Tensor> = {},
): Promise<Record<string, Float32Array>> {
  const session = await ort.InferenceSession.create(convertTfjsGraph(graph));
  const result = await session.run(feeds);
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v.data as Float32Array]));
}

describe("convertTfjsGraph", () => {
  it("keeps TF convolution semantics (asymmetric SAME padding, stride 2, depthwise multiplier, fused ReLU)", async () => {
    const conv = f32([3, 3, 2, 3], (i) => Math.sin(i));
    const dw = f32([3, 3, 3, 2], (i) => Math.cos(i) / 2);
    const nodes: TfNode[] = [
      { name: "x", op: "Placeholder" },
      { name: "k", op: "Const" },
      { name: "bias", op: "Const" },
      { name: "dk", op: "Const" },
      {
        name: "conv",
        op: "_FusedConv2D",
        input: ["x", "k", "bias"],
        attr: {
          strides: ints(1, 2, 2, 1),
          padding: { s: b64("SAME") },
          fused_ops: { list: { s: [b64("BiasAdd"), b64("Relu")] } },
        },
      },
      {
        name: "dw",
        op: "DepthwiseConv2dNative",
        input: ["conv", "dk"],
        attr: { strides: ints(1, 1, 1, 1), padding: { s: b64("SAME") } },
      },
      { name: "out", op: "Identity", input: ["dw"] },
    ];
    const weights = new Map([
      ["k", conv],
      ["bias", f32([3], (i) => i - 1)],
      ["dk", dw],
    ]);
    const graph: TfjsGraph = {
      nodes,
      weights,
      inputs: [{ name: "x", shape: [1, 6, 7, 2] }],
      outputs: [{ name: "out", shape: [1, 3, 4, 6] }],
    };
    const x = Float32Array.from({ length: 6 * 7 * 2 }, (_, i) => ((i * 37) % 11) - 5);
    const got = await run(graph, { x: new ort.Tensor("float32", x, [1, 6, 7, 2]) });

    const first = referenceConv(x, [6, 7, 2], conv, 2, false);
    const relu = first.data.map((v, i) => Math.max(0, v + (i % 3) - 1));
    const expected = referenceConv(relu, [3, 4, 3], dw, 1, true);
    expect(Array.from(got.out ?? [])).toHaveLength(expected.data.length);
    expected.data.forEach((v, i) => expect(got.out?.[i]).toBeCloseTo(v, 4));
  });

  it("floors integer division and modulo toward −∞ like TF, and slices with shrink masks", async () => {
    const nodes: TfNode[] = [
      { name: "a", op: "Const" },
      { name: "b", op: "Const" },
      { name: "div", op: "FloorDiv", input: ["a", "b"], attr: { T: { type: "DT_INT32" } } },
      { name: "mod", op: "FloorMod", input: ["a", "b"], attr: { T: { type: "DT_INT32" } } },
      { name: "divf", op: "Cast", input: ["div"], attr: { DstT: { type: "DT_FLOAT" } } },
      { name: "modf", op: "Cast", input: ["mod"], attr: { DstT: { type: "DT_FLOAT" } } },
      { name: "s0", op: "Const" },
      { name: "s1", op: "Const" },
      { name: "s2", op: "Const" },
      {
        name: "last",
        op: "StridedSlice",
        input: ["divf", "s0", "s1", "s2"],
        attr: { shrink_axis_mask: { i: "1" } },
      },
    ];
    const weights = new Map([
      ["a", i32([4], [-7, 7, -9, 0])],
      ["b", i32([], [3])],
      ["s0", i32([1], [-1])],
      ["s1", i32([1], [0])],
      ["s2", i32([1], [1])],
    ]);
    const outputs = [
      { name: "divf", shape: [4] },
      { name: "modf", shape: [4] },
      { name: "last", shape: [] },
    ];
    const got = await run({ nodes, weights, inputs: [], outputs });
    expect(Array.from(got.divf ?? [])).toEqual([-3, 2, -3, 0]);
    expect(Array.from(got.modf ?? [])).toEqual([2, 1, 0, 0]);
    expect(Array.from(got.last ?? [])).toEqual([0]);
  });

  it("names the ops it cannot convert", () => {
    const graph: TfjsGraph = {
      nodes: [
        { name: "x", op: "Placeholder" },
        { name: "y", op: "Softplus", input: ["x"] },
      ],
      weights: new Map(),
      inputs: [{ name: "x", shape: [1] }],
      outputs: [{ name: "y", shape: [1] }],
    };
    expect(() => convertTfjsGraph(graph)).toThrow(
      /cannot convert TF ops Softplus to ONNX \(supported: .*Conv2D/,
    );
  });

  it("decodes float16 weights", () => {
    expect([0x3c00, 0xc000, 0x3555, 0x0001, 0x7c00].map(float16ToFloat32)).toEqual([
      1,
      -2,
      0.333251953125,
      2 ** -24,
      Infinity,
    ]);
  });
});
