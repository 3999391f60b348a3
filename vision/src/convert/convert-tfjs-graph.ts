import { CONV_OPS } from "./conv-ops.ts";
import { ConversionContext, canonical, dataInputs } from "./conversion-context.ts";
import { ELEMENTWISE_OPS } from "./elementwise-ops.ts";
import { OnnxGraphBuilder } from "./onnx-graph-builder.ts";
import type { OpConverter } from "./op-converter.ts";
import { TENSOR_OPS } from "./tensor-ops.ts";
import type { TfNode, TfjsGraph } from "./tfjs-graph.ts";

/** ONNX opset the converter targets. */
export const ONNX_OPSET = 18;

const CONVERTERS: Record<string, OpConverter> = { ...CONV_OPS, ...ELEMENTWISE_OPS, ...TENSOR_OPS };

/** TF op types the converter can translate. */
export const SUPPORTED_TF_OPS: readonly string[] = Object.freeze(
  ["Const", "Placeholder", ...Object.keys(CONVERTERS)].sort(),
);

/** Nodes needed for `outputs`, in an order where every node follows its inputs. */
function topologicalOrder(nodes: TfNode[], outputs: string[]): TfNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const order: TfNode[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string): void => {
    const key = canonical(name).replace(/:\d+$/, "");
    if (state.get(key) === "done") return;
    if (state.get(key) === "visiting") throw new Error(`graph has a cycle through "${key}"`);
    const node = byName.get(key);
    if (!node) throw new Error(`graph has no node "${key}"`);
    state.set(key, "visiting");
    for (const input of dataInputs(node)) visit(input);
    state.set(key, "done");
    order.push(node);
  };
  // An explicit stack would be needed for very deep graphs; ~600 nodes recurse fine.
  outputs.forEach(visit);
  return order;
}

/**
 * Converts a TFJS graph model to an ONNX model (opset 18), op by op.
 *
 * Covers the ops CenterNet-style detectors use (convolutions with fused bias/ReLU, depthwise
 * convolutions, hard-swish arithmetic, squeeze-excite means, bilinear upsampling, and the
 * TopK/Gather decode tail); any other op fails with its node name and type. Inputs and outputs
 * keep their TF names and NHWC shapes.
 *
 * @example
 * const onnxBytes = convertTfjsGraph(await readTfjsGraph("models/centernet.json"));
 */
export function convertTfjsGraph(
  graph: TfjsGraph,
  options: { outputs?: string[]; name?: string } = {},
): Uint8Array {
  const outputs = options.outputs ?? graph.outputs.map((o) => o.name);
  const builder = new OnnxGraphBuilder(options.name ?? "tfjs-graph");
  const ctx = new ConversionContext(graph, builder);
  const unsupported = new Set<string>();
  const order = topologicalOrder(graph.nodes, outputs);
  for (const node of order) {
    if (node.op !== "Const" && node.op !== "Placeholder" && !CONVERTERS[node.op]) unsupported.add(node.op);
  }
  if (unsupported.size) {
    throw new Error(
      `cannot convert TF ops ${[...unsupported].join(", ")} to ONNX (supported: ${SUPPORTED_TF_OPS.join(", ")})`,
    );
  }
  for (const node of order) {
    if (node.op === "Const") continue;
    if (node.op === "Placeholder") {
      const shape = graph.inputs.find((i) => i.name === node.name)?.shape ?? [];
      builder.input(node.name, "float32", shape.length ? shape : [-1, -1, -1, -1]);
      ctx.define(node.name, { name: node.name, layout: "native" });
      continue;
    }
    try {
      CONVERTERS[node.op]?.(node, ctx);
    } catch (error) {
      throw new Error(`converting ${node.op} node "${node.name}": ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  for (const name of outputs) {
    const ref = ctx.ref(name);
    const shape = graph.outputs.find((o) => o.name === name)?.shape;
    const internal = ref.layout === "native" ? ref.name : ctx.native(name);
    const [named] =
      internal === name ? [name] : builder.node("Identity", [internal], { name, outputs: [name] });
    if (named !== name) throw new Error(`output "${name}" clashes with another tensor name`);
    builder.output(name, "float32", shape);
  }
  return builder.toBytes(ONNX_OPSET);
}
