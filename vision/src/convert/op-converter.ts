import type { ConversionContext } from "./conversion-context.ts";
import type { TfNode } from "./tfjs-graph.ts";

/** Emits the ONNX nodes for one TF node and defines its outputs in the context. */
export type OpConverter = (node: TfNode, ctx: ConversionContext) => void;
