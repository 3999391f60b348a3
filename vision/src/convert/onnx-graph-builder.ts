import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;

/** Element types the builder writes. */
export type OnnxElemType = "float32" | "float64" | "int32" | "int64" | "bool";

const ELEM_TYPE: Record<OnnxElemType, number> = {
  float32: DataType.FLOAT,
  float64: DataType.DOUBLE,
  int32: DataType.INT32,
  int64: DataType.INT64,
  bool: DataType.BOOL,
};

/** An attribute value: integers become INT(S), strings STRING, `{ float }` FLOAT. */
export type OnnxAttr = number | number[] | string | { float: number };

function toAttribute(name: string, value: OnnxAttr): onnxProto.onnx.IAttributeProto {
  if (typeof value === "number") return { name, type: AttributeType.INT, i: value };
  if (typeof value === "string")
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.FLOAT, f: value.float };
}

function rawBytes(type: OnnxElemType, values: ArrayLike<number>): Uint8Array {
  const typed =
    type === "float32"
      ? Float32Array.from(values)
      : type === "float64"
        ? Float64Array.from(values)
        : type === "int32"
          ? Int32Array.from(values)
          : type === "int64"
            ? BigInt64Array.from(Array.from(values, (v) => BigInt(v)))
            : Uint8Array.from(values, (v) => (v ? 1 : 0));
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

/** Builds an ONNX model with onnx-proto: nodes, initialisers, inputs and outputs, then bytes. */
export class OnnxGraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(private readonly graphName: string) {}

  /** A tensor name not used yet, derived from `hint`. */
  uniqueName(hint: string): string {
    let name = hint;
    while (this.used.has(name)) name = `${hint}__${++this.counter}`;
    this.used.add(name);
    return name;
  }

  /** Declares a graph input. `-1` dimensions are left symbolic. */
  input(name: string, type: OnnxElemType, dims: readonly number[]): void {
    this.used.add(name);
    this.inputs.push(valueInfo(name, type, dims));
  }

  /** Declares a graph output (produced by some node); `dims` undefined leaves the shape unstated. */
  output(name: string, type: OnnxElemType, dims: readonly number[] | undefined): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** Adds a constant tensor and returns its (unique) name. */
  constant(hint: string, type: OnnxElemType, dims: readonly number[], values: ArrayLike<number>): string {
    const size = dims.reduce((a, b) => a * b, 1);
    if (size !== values.length)
      throw new Error(`constant ${hint}: ${values.length} values for dims [${dims}]`);
    const name = this.uniqueName(hint);
    this.initializers.push({
      name,
      dataType: ELEM_TYPE[type],
      dims: [...dims],
      rawData: rawBytes(type, values),
    });
    return name;
  }

  /** Adds a node; returns its output names (fresh ones derived from `name` when not given). */
  node(
    opType: string,
    inputs: readonly string[],
    options: {
      name: string;
      outputs?: readonly string[];
      outputCount?: number;
      attrs?: Record<string, OnnxAttr>;
    },
  ): string[] {
    const outputs =
      options.outputs?.map((o) => this.uniqueName(o)) ??
      Array.from({ length: options.outputCount ?? 1 }, (_, i) =>
        this.uniqueName(`${options.name}:${opType}:${i}`),
      );
    const attribute = Object.entries(options.attrs ?? {}).map(([k, v]) => toAttribute(k, v));
    this.nodes.push({
      opType,
      name: this.uniqueName(`node:${options.name}:${opType}`),
      input: [...inputs],
      output: outputs,
      attribute,
    });
    return outputs;
  }

  /** Serialises the model (IR version 8) with the default-domain opset given. */
  toBytes(opset: number, producer = "@citybrain/vision tfjs-to-onnx"): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: "", version: opset }],
      graph: {
        name: this.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(
  name: string,
  type: OnnxElemType,
  dims: readonly number[] | undefined,
): onnxProto.onnx.IValueInfoProto {
  const shape = dims && { dim: dims.map((d, i) => (d < 0 ? { dimParam: `${name}_${i}` } : { dimValue: d })) };
  return { name, type: { tensorType: { elemType: ELEM_TYPE[type], ...(shape ? { shape } : {}) } } };
}
