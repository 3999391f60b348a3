import type { OnnxAttr } from "./onnx-graph-builder.ts";
import { attrBool, attrInts, attrString, attrStrings, dataInputs, nchwAxis } from "./conversion-context.ts";
import type { ConversionContext } from "./conversion-context.ts";
import type { OpConverter } from "./op-converter.ts";
import type { TfNode } from "./tfjs-graph.ts";

function requireNhwc(node: TfNode): void {
  const format = attrString(node, "data_format") ?? "NHWC";
  if (format !== "NHWC") throw new Error(`${node.op} "${node.name}": data_format ${format} is not supported`);
}

/** Stride, dilation and padding attributes shared by Conv and MaxPool. */
function spatialAttrs(node: TfNode): Record<string, OnnxAttr> {
  const [, sh = 1, sw = 1] = attrInts(node, "strides") ?? [];
  const padding = attrString(node, "padding") ?? "VALID";
  const attrs: Record<string, OnnxAttr> = { strides: [sh, sw] };
  const [, dh = 1, dw = 1] = attrInts(node, "dilations") ?? [];
  if (node.op !== "MaxPool") attrs.dilations = [dh, dw];
  // TF SAME pads the extra pixel at the end, which is ONNX SAME_UPPER.
  if (padding === "SAME") attrs.auto_pad = "SAME_UPPER";
  else if (padding === "VALID") attrs.pads = [0, 0, 0, 0];
  else throw new Error(`${node.op} "${node.name}": padding ${padding} is not supported`);
  return attrs;
}

/** Conv2D-family node → ONNX Conv (+ bias, + activation) in NCHW. */
function convolution(node: TfNode, ctx: ConversionContext): void {
  requireNhwc(node);
  const [x, w, bias] = dataInputs(node);
  if (!x || !w) throw new Error(`${node.op} "${node.name}" needs an input and weights`);
  const weight = ctx.weight(w);
  const [kh = 1, kw = 1, cin = 1, cout = 1] = weight.shape;
  const depthwise = node.op.includes("Depthwise");
  // TF kernels are HWIO (depthwise: H, W, C, multiplier); ONNX wants OIHW (depthwise: C·M, 1, H, W).
  const outChannels = depthwise ? cin * cout : cout;
  const inPerGroup = depthwise ? 1 : cin;
  const values = new Float32Array(outChannels * inPerGroup * kh * kw);
  for (let y = 0; y < kh; y++)
    for (let x2 = 0; x2 < kw; x2++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) {
          const src = weight.values[((y * kw + x2) * cin + i) * cout + o] ?? 0;
          const oc = depthwise ? i * cout + o : o;
          const ic = depthwise ? 0 : i;
          values[((oc * inPerGroup + ic) * kh + y) * kw + x2] = src;
        }
  const inputs = [
    ctx.nchw(x),
    ctx.builder.constant(`${w}__oihw`, "float32", [outChannels, inPerGroup, kh, kw], values),
  ];
  const fused = attrStrings(node, "fused_ops");
  if (node.op.startsWith("_Fused") || node.op.startsWith("Fused")) {
    if (fused[0] !== "BiasAdd" || !bias) throw new Error(`${node.op} "${node.name}": expected fused BiasAdd`);
    inputs.push(ctx.ref(bias).name);
  }
  const attrs = { ...spatialAttrs(node), kernel_shape: [kh, kw], group: depthwise ? cin : 1 };
  const activation = fused[1];
  const [conv] = ctx.builder.node("Conv", inputs, {
    name: node.name,
    outputs: [activation ? `${node.name}__conv` : `${node.name}__nchw`],
    attrs,
  });
  let out = conv ?? "";
  if (activation === "Relu") {
    [out = ""] = ctx.builder.node("Relu", [out], { name: node.name, outputs: [`${node.name}__nchw`] });
  } else if (activation === "Relu6") {
    const limits = [ctx.scalar("relu6_min", 0), ctx.scalar("relu6_max", 6)];
    [out = ""] = ctx.builder.node("Clip", [out, ...limits], {
      name: node.name,
      outputs: [`${node.name}__nchw`],
    });
  } else if (activation !== undefined || fused.length > 2) {
    throw new Error(`${node.op} "${node.name}": fused ops ${fused.join("+")} are not supported`);
  }
  ctx.define(node.name, { name: out, layout: "nchw" });
}

const maxPool: OpConverter = (node, ctx) => {
  requireNhwc(node);
  const [x = ""] = dataInputs(node);
  const [, kh = 1, kw = 1] = attrInts(node, "ksize") ?? [];
  const [out = ""] = ctx.builder.node("MaxPool", [ctx.nchw(x)], {
    name: node.name,
    outputs: [`${node.name}__nchw`],
    attrs: { ...spatialAttrs(node), kernel_shape: [kh, kw] },
  });
  ctx.define(node.name, { name: out, layout: "nchw" });
};

const mean: OpConverter = (node, ctx) => {
  const [x = "", axesName = ""] = dataInputs(node);
  const axes = ctx.constValues(axesName);
  const keep = attrBool(node, "keep_dims") ?? false;
  // Reducing an NCHW tensor keeps it NCHW only when the reduced dims stay in place.
  const inNchw = ctx.ref(x).layout === "nchw" && keep;
  const input = inNchw ? ctx.nchw(x) : ctx.native(x);
  const onnxAxes = inNchw ? axes.map(nchwAxis) : axes;
  const [out = ""] = ctx.builder.node("ReduceMean", [input, ctx.int64(`${node.name}/axes`, onnxAxes)], {
    name: node.name,
    outputs: [inNchw ? `${node.name}__nchw` : node.name],
    attrs: { keepdims: keep ? 1 : 0 },
  });
  ctx.define(node.name, { name: out, layout: inNchw ? "nchw" : "native" });
};

const resizeBilinear: OpConverter = (node, ctx) => {
  const [x = "", sizeName = ""] = dataInputs(node);
  const alignCorners = attrBool(node, "align_corners") ?? false;
  const halfPixel = attrBool(node, "half_pixel_centers") ?? false;
  const mode = alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric";
  const [out = ""] = ctx.builder.node(
    "Resize",
    [ctx.nchw(x), "", "", ctx.int64(`${node.name}/sizes`, ctx.constValues(sizeName))],
    {
      name: node.name,
      outputs: [`${node.name}__nchw`],
      attrs: { mode: "linear", coordinate_transformation_mode: mode, axes: [2, 3] },
    },
  );
  ctx.define(node.name, { name: out, layout: "nchw" });
};

/** Converters for convolution, pooling, spatial reduction and resizing. */
export const CONV_OPS: Record<string, OpConverter> = {
  Conv2D: convolution,
  _FusedConv2D: convolution,
  DepthwiseConv2dNative: convolution,
  FusedDepthwiseConv2dNative: convolution,
  MaxPool: maxPool,
  Mean: mean,
  ResizeBilinear: resizeBilinear,
};
