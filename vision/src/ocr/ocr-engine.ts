import { readFile } from "node:fs/promises";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import type { OutputInfo } from "sharp";
import { FrameError } from "../backend/inference-backend.ts";
import type { Box } from "../geometry/box.ts";
import { PPOCR_V4_DET, PPOCR_V4_REC } from "../models/catalog.ts";
import { resolveModelFiles } from "../models/resolve-model-files.ts";
import { rgbToTensor } from "../preprocess/rgb-to-tensor.ts";
import { ctcGreedyDecode } from "./ctc-decode.ts";
import { dbPostprocess } from "./db-postprocess.ts";
import type { DbOptions } from "./db-postprocess.ts";
import type { OcrResult, RgbImage, TextReader } from "./text-reader.ts";

/** One line of text read from an image; `box` is in source-image pixels. */
export interface TextLine {
  text: string;
  /** Mean character probability from the recogniser. */
  score: number;
  /** Mean text probability of the region from the detector. */
  detectionScore: number;
  box: Box;
}

/** Options of {@link OcrEngine.create}. */
export interface OcrOptions extends DbOptions {
  /** The longer image side is scaled down to at most this before detection. @default 960 */
  maxSide?: number;
  /** Lines whose recognition score is below this are dropped. @default 0.5 */
  minScore?: number;
  /** onnxruntime intra-op threads per session. @default 1 */
  intraOpThreads?: number;
}

const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 320;

/**
 * PaddleOCR PP-OCRv4 in onnxruntime: DB text detection, then CTC recognition of each region
 * with the 6,623-character `ppocr_keys_v1` dictionary (Chinese, Latin letters, digits) plus
 * space. Lines come back top to bottom, left to right.
 *
 * @example
 * const ocr = await OcrEngine.create();
 * const { lines } = await ocr.read(await readFile("sign.jpg")); // [{ text: "NOTICE", … }, …]
 */
export class OcrEngine implements TextReader {
  readonly name = "PP-OCRv4 in-process";

  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly characters: readonly string[],
    private readonly options: OcrOptions,
  ) {}

  /** Loads and checksum-verifies the detection and recognition models and the dictionary. */
  static async create(options: OcrOptions = {}): Promise<OcrEngine> {
    const det = resolveModelFiles(PPOCR_V4_DET).paths.onnx;
    const rec = resolveModelFiles(PPOCR_V4_REC).paths;
    if (!det || !rec.onnx || !rec.dictionary) throw new Error("OCR model catalog entries lost a file role");
    const sessionOptions = { intraOpNumThreads: options.intraOpThreads ?? 1, interOpNumThreads: 1 };
    const dictionary = (await readFile(rec.dictionary, "utf8")).split(/\r?\n/);
    if (dictionary.at(-1) === "") dictionary.pop();
    // PaddleOCR appends a space as the last class (use_space_char).
    const characters = [...dictionary, " "];
    const [detSession, recSession] = await Promise.all([
      ort.InferenceSession.create(det, sessionOptions),
      ort.InferenceSession.create(rec.onnx, sessionOptions),
    ]);
    return new OcrEngine(detSession, recSession, characters, options);
  }

  /**
   * Finds and reads the text lines in an encoded image. An image that cannot be decoded rejects
   * with a {@link FrameError} naming `cameraId`.
   */
  async read(image: Uint8Array, cameraId = "ocr"): Promise<OcrResult> {
    const t0 = performance.now();
    let decoded: { data: Buffer; info: OutputInfo };
    try {
      decoded = await sharp(image, { failOn: "error" })
        .autoOrient()
        .removeAlpha()
        .toColourspace("srgb")
        .raw()
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw new FrameError(cameraId, (error as Error).message);
    }
    const decodeMs = performance.now() - t0;
    const { data, info } = decoded;
    const result = await this.readPixels({ data, width: info.width, height: info.height });
    // Decoding is counted with detection, as it was before readPixels existed.
    result.timings.detectionMs += decodeMs;
    return result;
  }

  /** Like {@link read} for pixels already decoded (e.g. a vehicle crop cut from a frame). */
  async readPixels(image: RgbImage): Promise<OcrResult> {
    const t0 = performance.now();
    const rgb = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    const { width, height } = image;
    if (rgb.length !== width * height * 3)
      throw new Error(
        `readPixels: expected ${width}×${height}×3 = ${width * height * 3} bytes, got ${rgb.length}`,
      );
    const run = { ms: 0 };
    const regions = await this.detect(rgb, width, height, run);
    const t1 = performance.now();
    const lines: TextLine[] = [];
    for (const region of regions) {
      const { text, score } = await this.recognise(rgb, width, height, region.box, run);
      if (text.trim() && score >= (this.options.minScore ?? 0.5)) {
        lines.push({ text: text.trim(), score, detectionScore: region.score, box: region.box });
      }
    }
    lines.sort((a, b) => (Math.abs(a.box.y1 - b.box.y1) < 10 ? a.box.x1 - b.box.x1 : a.box.y1 - b.box.y1));
    return {
      lines,
      timings: { detectionMs: t1 - t0, recognitionMs: performance.now() - t1, inferenceMs: run.ms },
    };
  }

  /** Releases both sessions. */
  async close(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release()]);
  }

  private async detect(
    rgb: Buffer,
    width: number,
    height: number,
    run: { ms: number },
  ): Promise<{ box: Box; score: number }[]> {
    const ratio = Math.min(1, (this.options.maxSide ?? 960) / Math.max(width, height));
    const w = Math.max(32, Math.round((width * ratio) / 32) * 32);
    const h = Math.max(32, Math.round((height * ratio) / 32) * 32);
    const resized = await sharp(rgb, { raw: { width, height, channels: 3 } })
      .resize(w, h, { fit: "fill" })
      .raw()
      .toBuffer();
    const input = new ort.Tensor("float32", rgbToTensor(resized, w, h, PPOCR_V4_DET.input), [1, 3, h, w]);
    const started = performance.now();
    const out = await this.det.run({ [PPOCR_V4_DET.input.name]: input });
    run.ms += performance.now() - started;
    const prob = out[PPOCR_V4_DET.outputs[0] ?? ""]?.data;
    if (!(prob instanceof Float32Array))
      throw new Error(`model "${PPOCR_V4_DET.id}" returned no probability map`);
    const [sx, sy] = [width / w, height / h];
    return dbPostprocess(prob, w, h, this.options).map(({ box, score }) => ({
      score,
      box: { x1: box.x1 * sx, y1: box.y1 * sy, x2: box.x2 * sx, y2: box.y2 * sy },
    }));
  }

  private async recognise(
    rgb: Buffer,
    width: number,
    height: number,
    box: Box,
    run: { ms: number },
  ): Promise<{ text: string; score: number }> {
    const left = Math.max(0, Math.floor(box.x1));
    const top = Math.max(0, Math.floor(box.y1));
    const cropW = Math.max(1, Math.min(width, Math.ceil(box.x2)) - left);
    const cropH = Math.max(1, Math.min(height, Math.ceil(box.y2)) - top);
    const w = Math.max(1, Math.min(Math.ceil((REC_HEIGHT * cropW) / cropH), 2000));
    const inputWidth = Math.max(REC_MIN_WIDTH, w);
    const line = await sharp(rgb, { raw: { width, height, channels: 3 } })
      .extract({ left, top, width: cropW, height: cropH })
      .resize(w, REC_HEIGHT, { fit: "fill" })
      .raw()
      .toBuffer();
    // Right-pad with zeros (the normalised mid-grey PaddleOCR pads with) up to the input width.
    const tensor = new Float32Array(3 * REC_HEIGHT * inputWidth);
    const crop = rgbToTensor(line, w, REC_HEIGHT, PPOCR_V4_REC.input);
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < REC_HEIGHT; y++) {
        const from = (c * REC_HEIGHT + y) * w;
        tensor.set(crop.subarray(from, from + w), (c * REC_HEIGHT + y) * inputWidth);
      }
    }
    const started = performance.now();
    const out = await this.rec.run({
      [PPOCR_V4_REC.input.name]: new ort.Tensor("float32", tensor, [1, 3, REC_HEIGHT, inputWidth]),
    });
    run.ms += performance.now() - started;
    const probs = out[PPOCR_V4_REC.outputs[0] ?? ""];
    if (!probs || !(probs.data instanceof Float32Array))
      throw new Error(`model "${PPOCR_V4_REC.id}" returned no output`);
    const [, steps = 0, classes = 0] = probs.dims;
    return ctcGreedyDecode(probs.data, steps, classes, this.characters);
  }
}
