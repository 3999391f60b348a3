// Writes vision/src/convert/centernet-dog-reference.json: the original TFJS CenterNet graph run
// once on fixtures/dog.jpg with the pure-JS CPU backend (~6 s), summarised small enough to commit.
// The converter's test compares the ONNX model against it. Rerun when the model, the image or the
// letterbox preprocessing changes:  npm run reference:centernet -w vision (from the repository root)
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import "@tensorflow/tfjs-backend-cpu";
import { format, resolveConfig } from "prettier";
import * as tf from "@tensorflow/tfjs-core";
import { loadGraphModel } from "@tensorflow/tfjs-converter";
import { CENTERNET_COCO } from "../src/models/catalog.ts";
import { resolveModelFiles, sha256File } from "../src/models/resolve-model-files.ts";
import { letterbox } from "../src/preprocess/letterbox.ts";
import { detectionRows, summariseTensor } from "../src/convert/summarise-outputs.ts";
import { fixturePath } from "../src/testing/fixtures.ts";
import { REFERENCE_PATH } from "../src/convert/centernet-reference.ts";
import type { CenternetReference } from "../src/convert/centernet-reference.ts";

interface GraphJson {
  format: string;
  generatedBy: string;
  convertedBy: string;
  signature: object;
  modelTopology: object;
  weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
}

async function main(): Promise<void> {
  await tf.setBackend("cpu");
  const { paths } = resolveModelFiles(CENTERNET_COCO);
  const json = JSON.parse(await readFile(paths.graph ?? "", "utf8")) as GraphJson;
  const bin = await readFile(paths.weights ?? "");
  const model = await loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((m) => m.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
    }),
  });
  const imagePath = fixturePath("dog.jpg");
  const input = await letterbox(await readFile(imagePath), 512);
  const started = performance.now();
  const outputs = model.execute(tf.tensor(input.data, input.dims), [
    ...CENTERNET_COCO.outputs,
  ]) as tf.Tensor[];
  const [keypoints, wh, detections] = await Promise.all(outputs.map((t) => t.data<"float32">()));
  const ms = performance.now() - started;
  if (!keypoints || !wh || !detections) throw new Error("TFJS returned fewer outputs than asked for");
  const reference: CenternetReference = {
    generatedBy: "vision/scripts/centernet-dog-reference.ts",
    engine: `@tensorflow/tfjs-core ${tf.version_core} (cpu backend)`,
    modelSha256: Object.fromEntries(CENTERNET_COCO.files.map((f) => [f.path, f.sha256])),
    image: { fixture: "dog.jpg", sha256: sha256File(imagePath) },
    inputSha256: createHash("sha256").update(new Uint8Array(input.data.buffer)).digest("hex"),
    keypoints: summariseTensor(keypoints, outputs[0]?.shape ?? []),
    wh: summariseTensor(wh, outputs[1]?.shape ?? []),
    detections: detectionRows(detections),
  };
  const out = join(import.meta.dirname, "..", REFERENCE_PATH);
  // Written as prettier would format it, so `prettier --check` stays green after a regeneration.
  const text = await format(JSON.stringify(reference), { ...(await resolveConfig(out)), filepath: out });
  await writeFile(out, text);
  console.log(`TFJS cpu ran CenterNet on dog.jpg in ${(ms / 1000).toFixed(1)} s; wrote ${out}`);
}

await main();
