import { attrInt, dataInputs, nchwAxis } from "./conversion-context.ts";
import type { OpConverter } from "./op-converter.ts";

const INT64_MAX = Number.MAX_SAFE_INTEGER;

const reshape: OpConverter = (node, ctx) => {
  const [x = "", shape = ""] = dataInputs(node);
  const dims = ctx.constValues(shape);
  const [out = ""] = ctx.builder.node("Reshape", [ctx.native(x), ctx.int64(`${node.name}/shape`, dims)], {
    name: node.name,
    outputs: [node.name],
  });
  ctx.define(node.name, { name: out, layout: "native" });
};

/** TopKV2 → TopK; ONNX gives int64 indices, TF int32, so they are cast back. */
const topK: OpConverter = (node, ctx) => {
  const [x = "", k = ""] = dataInputs(node);
  const [values = "", indices = ""] = ctx.builder.node(
    "TopK",
    [ctx.native(x), ctx.int64(`${node.name}/k`, ctx.constValues(k))],
    {
      name: node.name,
      outputs: [node.name, `${node.name}:1__int64`],
      attrs: { axis: -1, largest: 1, sorted: 1 },
    },
  );
  const [indices32 = ""] = ctx.builder.node("Cast", [indices], {
    name: node.name,
    outputs: [`${node.name}:1`],
    attrs: { to: 6 },
  });
  ctx.define(node.name, { name: values, layout: "native" });
  ctx.define(`${node.name}:1`, { name: indices32, layout: "native" });
};

const expandDims: OpConverter = (node, ctx) => {
  const [x = "", dim = ""] = dataInputs(node);
  const [out = ""] = ctx.builder.node(
    "Unsqueeze",
    [ctx.native(x), ctx.int64(`${node.name}/axes`, ctx.constValues(dim))],
    {
      name: node.name,
      outputs: [node.name],
    },
  );
  ctx.define(node.name, { name: out, layout: "native" });
};

const gather: OpConverter = (node, ctx) => {
  const [params = "", indices = "", axis = ""] = dataInputs(node);
  if ((attrInt(node, "batch_dims") ?? 0) !== 0)
    throw new Error(`GatherV2 "${node.name}": batch_dims is not supported`);
  const [out = ""] = ctx.builder.node("Gather", [ctx.native(params), ctx.native(indices)], {
    name: node.name,
    outputs: [node.name],
    attrs: { axis: ctx.constValues(axis)[0] ?? 0 },
  });
  ctx.define(node.name, { name: out, layout: "native" });
};

const concat: OpConverter = (node, ctx) => {
  const inputs = dataInputs(node);
  const axisName = inputs.pop() ?? "";
  const axis = ctx.constValues(axisName)[0] ?? 0;
  const nchw = inputs.every((i) => ctx.ref(i).layout === "nchw");
  const [out = ""] = ctx.builder.node(
    "Concat",
    inputs.map((i) => (nchw ? ctx.nchw(i) : ctx.native(i))),
    {
      name: node.name,
      outputs: [nchw ? `${node.name}__nchw` : node.name],
      attrs: { axis: nchw ? nchwAxis(axis) : axis },
    },
  );
  ctx.define(node.name, { name: out, layout: nchw ? "nchw" : "native" });
};

/** StridedSlice with begin/end/shrink masks → Slice (+ Squeeze for shrunk axes). */
const stridedSlice: OpConverter = (node, ctx) => {
  const [x = "", beginName = "", endName = "", stridesName = ""] = dataInputs(node);
  for (const mask of ["ellipsis_mask", "new_axis_mask"]) {
    if ((attrInt(node, mask) ?? 0) !== 0)
      throw new Error(`StridedSlice "${node.name}": ${mask} is not supported`);
  }
  const beginMask = attrInt(node, "begin_mask") ?? 0;
  const endMask = attrInt(node, "end_mask") ?? 0;
  const shrinkMask = attrInt(node, "shrink_axis_mask") ?? 0;
  const begin = ctx.constValues(beginName);
  const end = ctx.constValues(endName);
  const strides = ctx.constValues(stridesName);
  const starts: number[] = [];
  const ends: number[] = [];
  const shrunk: number[] = [];
  begin.forEach((b, axis) => {
    const step = strides[axis] ?? 1;
    const bit = 1 << axis;
    if (shrinkMask & bit) {
      starts.push(b);
      ends.push(b === -1 ? INT64_MAX : b + 1);
      shrunk.push(axis);
      return;
    }
    starts.push(beginMask & bit ? (step > 0 ? 0 : -INT64_MAX) : b);
    ends.push(endMask & bit ? (step > 0 ? INT64_MAX : -INT64_MAX) : (end[axis] ?? 0));
  });
  const axes = begin.map((_, i) => i);
  const b = ctx.builder;
  const sliceInputs = [
    ctx.native(x),
    ctx.int64(`${node.name}/starts`, starts),
    ctx.int64(`${node.name}/ends`, ends),
    ctx.int64(`${node.name}/axes`, axes),
    ctx.int64(`${node.name}/steps`, strides),
  ];
  let [out = ""] = b.node("Slice", sliceInputs, {
    name: node.name,
    outputs: [shrunk.length ? `${node.name}__slice` : node.name],
  });
  if (shrunk.length) {
    [out = ""] = b.node("Squeeze", [out, ctx.int64(`${node.name}/squeeze`, shrunk)], {
      name: node.name,
      outputs: [node.name],
    });
  }
  ctx.define(node.name, { name: out, layout: "native" });
};

/** Converters for ops that depend on TF element order: they always work in TF layout. */
export const TENSOR_OPS: Record<string, OpConverter> = {
  Reshape: reshape,
  TopKV2: topK,
  ExpandDims: expandDims,
  GatherV2: gather,
  ConcatV2: concat,
  StridedSlice: stridedSlice,
};
