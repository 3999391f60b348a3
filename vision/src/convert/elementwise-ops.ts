import type { OnnxElemType } from "./onnx-graph-builder.ts";
import { dataInputs } from "./conversion-context.ts";
import type { ConversionContext, Layout } from "./conversion-context.ts";
import type { OpConverter } from "./op-converter.ts";
import type { TfNode } from "./tfjs-graph.ts";

const TF_TYPES: Record<string, OnnxElemType> = {
  DT_FLOAT: "float32",
  DT_DOUBLE: "float64",
  DT_INT32: "int32",
  DT_INT64: "int64",
  DT_BOOL: "bool",
};
const ONNX_TYPE_CODE: Record<OnnxElemType, number> = { float32: 1, int32: 6, int64: 7, bool: 9, float64: 11 };

/**
 * Layout for an elementwise op: stay NCHW when every input that is not a broadcast scalar is
 * NCHW; otherwise work in TF order, which is always correct.
 */
function commonLayout(inputs: string[], ctx: ConversionContext): { layout: Layout; names: string[] } {
  const shaped = inputs.filter((i) => !ctx.isScalarConst(i));
  const layout: Layout =
    shaped.length > 0 && shaped.every((i) => ctx.ref(i).layout === "nchw") ? "nchw" : "native";
  const names = inputs.map((i) =>
    ctx.isScalarConst(i) ? ctx.ref(i).name : layout === "nchw" ? ctx.nchw(i) : ctx.native(i),
  );
  return { layout, names };
}

/** TF op → a same-named-semantics ONNX op applied elementwise. */
function direct(onnxOp: string): OpConverter {
  return (node, ctx) => {
    const { layout, names } = commonLayout(dataInputs(node), ctx);
    const [out = ""] = ctx.builder.node(onnxOp, names, { name: node.name, outputs: [outName(node, layout)] });
    ctx.define(node.name, { name: out, layout });
  };
}

function outName(node: TfNode, layout: Layout): string {
  return layout === "nchw" ? `${node.name}__nchw` : node.name;
}

const relu6: OpConverter = (node, ctx) => {
  const { layout, names } = commonLayout(dataInputs(node), ctx);
  const limits = [ctx.scalar("relu6_min", 0), ctx.scalar("relu6_max", 6)];
  const [out = ""] = ctx.builder.node("Clip", [...names, ...limits], {
    name: node.name,
    outputs: [outName(node, layout)],
  });
  ctx.define(node.name, { name: out, layout });
};

const cast: OpConverter = (node, ctx) => {
  const to = TF_TYPES[node.attr?.DstT?.type ?? ""];
  if (!to) throw new Error(`Cast "${node.name}": target type ${node.attr?.DstT?.type} is not supported`);
  const { layout, names } = commonLayout(dataInputs(node), ctx);
  const [out = ""] = ctx.builder.node("Cast", names, {
    name: node.name,
    outputs: [outName(node, layout)],
    attrs: { to: ONNX_TYPE_CODE[to] },
  });
  ctx.define(node.name, { name: out, layout });
};

/**
 * TF FloorDiv rounds toward −∞; ONNX Div on integers truncates. Dividing in float64 and
 * flooring is exact for int32 operands (the quotient's rounding error is below 1/|b|).
 */
const floorDiv: OpConverter = (node, ctx) => {
  const { layout, names } = commonLayout(dataInputs(node), ctx);
  const integer = node.attr?.T?.type !== "DT_FLOAT" && node.attr?.T?.type !== "DT_DOUBLE";
  const b = ctx.builder;
  if (!integer) {
    const [q = ""] = b.node("Div", names, { name: node.name });
    const [out = ""] = b.node("Floor", [q], { name: node.name, outputs: [outName(node, layout)] });
    ctx.define(node.name, { name: out, layout });
    return;
  }
  const wide = names.map(
    (n) => b.node("Cast", [n], { name: node.name, attrs: { to: ONNX_TYPE_CODE.float64 } })[0] ?? "",
  );
  const [q = ""] = b.node("Div", wide, { name: node.name });
  const [floored = ""] = b.node("Floor", [q], { name: node.name });
  const to = ONNX_TYPE_CODE[TF_TYPES[node.attr?.T?.type ?? "DT_INT32"] ?? "int32"];
  const [out = ""] = b.node("Cast", [floored], {
    name: node.name,
    outputs: [outName(node, layout)],
    attrs: { to },
  });
  ctx.define(node.name, { name: out, layout });
};

/** TF FloorMod takes the divisor's sign, as ONNX Mod with fmod=0 does for integers. */
const floorMod: OpConverter = (node, ctx) => {
  const { layout, names } = commonLayout(dataInputs(node), ctx);
  const float = node.attr?.T?.type === "DT_FLOAT" || node.attr?.T?.type === "DT_DOUBLE";
  if (float) throw new Error(`FloorMod "${node.name}": float operands are not supported`);
  const [out = ""] = ctx.builder.node("Mod", names, {
    name: node.name,
    outputs: [outName(node, layout)],
    attrs: { fmod: 0 },
  });
  ctx.define(node.name, { name: out, layout });
};

/** Converters for elementwise arithmetic, comparisons, activations and casts. */
export const ELEMENTWISE_OPS: Record<string, OpConverter> = {
  Add: direct("Add"),
  AddV2: direct("Add"),
  Sub: direct("Sub"),
  Mul: direct("Mul"),
  RealDiv: direct("Div"),
  Maximum: direct("Max"),
  Minimum: direct("Min"),
  Equal: direct("Equal"),
  Greater: direct("Greater"),
  Less: direct("Less"),
  Relu: direct("Relu"),
  Sigmoid: direct("Sigmoid"),
  Tanh: direct("Tanh"),
  Exp: direct("Exp"),
  Identity: direct("Identity"),
  Relu6: relu6,
  Cast: cast,
  FloorDiv: floorDiv,
  FloorMod: floorMod,
};
