/**
 * Scores the anomaly detectors against the generators' labelled anomalies and writes
 * docs/benchmarks/analytics-anomaly.json: per kind the truths, detections, true positives,
 * precision, recall, how far detected starts are from the truth, and the detectors' time.
 *
 *   npx tsx bench/anomaly-score.ts [--preset demo] [--seed 42] [--tolerance-min 60] [--out path]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { makeContext, type PresetName } from "@citybrain/datasets/generators";
import { detectAnomalies } from "../src/anomaly/detect-anomalies.ts";
import { storeWithGenerated } from "../src/anomaly/generated-store.test-support.ts";
import { intervalsMatch, scoreDetections } from "../src/anomaly/score-detections.ts";
import { median } from "../src/anomaly/robust-score.ts";

const { values } = parseArgs({
  options: {
    preset: { type: "string", default: "demo" },
    seed: { type: "string", default: "42" },
    "tolerance-min": { type: "string", default: "60" },
    out: {
      type: "string",
      default: resolve(
        dirname(fileURLToPath(import.meta.url)),
        "../../docs/benchmarks/analytics-anomaly.json",
      ),
    },
  },
});
const preset = values.preset as PresetName;
const seed = Number(values.seed);
const tolerance = Number(values["tolerance-min"]) * 60_000;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const ctx = makeContext({ preset, seed });
const t0 = performance.now();
const store = await storeWithGenerated(ctx, ["energy", "septic", "air", "traffic"]);
const loadMs = performance.now() - t0;
const rows = Object.fromEntries(
  await Promise.all(
    (["energy", "septic", "air", "traffic"] as const).map(async (s) => [s, await store.count(s)] as const),
  ),
);
const timings = new Map<string, number>();
const t1 = performance.now();
const found = await detectAnomalies(store, {
  onTiming: (name, ms) => {
    const kind = name.split(":")[0] as string;
    timings.set(kind, (timings.get(kind) ?? 0) + ms);
  },
});
const detectMs = performance.now() - t1;
await store.close();

const scores = scoreDetections(found, ctx.groundTruth, { tolerance });
const kinds = [...scores.values()].map((s) => {
  const truths = ctx.groundTruth.filter((t) => t.kind === s.kind);
  const startErrors = truths.flatMap((t) => {
    const d = found.find((x) => intervalsMatch(x, t, tolerance));
    return d ? [(d.start - t.start) / 60_000] : [];
  });
  const streams = [
    ...new Set([...truths, ...found.filter((d) => d.kind === s.kind)].map((x) => x.stream)),
  ].sort();
  return {
    kind: s.kind,
    truths: s.truths,
    detections: s.detections,
    true_positives: s.truePositives,
    matched_truths: s.matchedTruths,
    precision: s.truths > 0 ? round(s.precision) : null,
    recall: s.truths > 0 ? round(s.recall) : null,
    median_start_offset_min: startErrors.length > 0 ? round(median(startErrors), 1) : null,
    time_ms: round(timings.get(s.kind) ?? 0, 0),
    by_stream: Object.fromEntries(
      streams.map((stream) => {
        const sc = scoreDetections(
          found.filter((d) => d.stream === stream),
          ctx.groundTruth.filter((t) => t.stream === stream),
          { tolerance },
        ).get(s.kind);
        return [
          stream,
          { truths: sc?.truths ?? 0, detections: sc?.detections ?? 0, recall: round(sc?.recall ?? 0) },
        ];
      }),
    ),
  };
});
const record = {
  benchmark: "analytics-anomaly",
  generated_at: new Date().toISOString(),
  preset,
  seed,
  tolerance_min: tolerance / 60_000,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
  rows,
  load_ms: round(loadMs, 0),
  detect_ms: round(detectMs, 0),
  kinds,
  note: "consumption_anomaly has no labelled truth: its precision and recall are null; its detections are what the energy anomaly alert rule would see.",
};
await mkdir(dirname(values.out), { recursive: true });
await writeFile(values.out, `${JSON.stringify(record, null, 2)}\n`);
for (const k of kinds)
  console.log(
    `${k.kind.padEnd(20)} truths ${String(k.truths).padStart(3)}  detections ${String(k.detections).padStart(3)}  precision ${k.precision ?? "—"}  recall ${k.recall ?? "—"}  ${k.time_ms} ms`,
  );
console.log(`load ${round(loadMs / 1000, 1)} s, detect ${round(detectMs / 1000, 1)} s → ${values.out}`);
