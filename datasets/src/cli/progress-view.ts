import cliProgress from "cli-progress";
import type { DatasetProgress } from "../output/generate-dataset.ts";
import type { ManifestFile } from "../output/dataset-manifest.ts";

/** Where the view writes: a stream that may be a terminal. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Shows a run's progress and prints one summary line per stream. */
export interface ProgressView {
  readonly onProgress: (event: DatasetProgress) => void;
  /** Stops any live display (also after a failure). */
  stop(): void;
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");
/** Bytes in B, kB, MB or GB (decimal units, one decimal). */
function size(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  const [unit, div] = bytes < 1e6 ? ["kB", 1e3] : bytes < 1e9 ? ["MB", 1e6] : ["GB", 1e9];
  return `${(bytes / div).toFixed(1)} ${unit}`;
}

function summary(event: DatasetProgress): string | undefined {
  const name = event.stream.padEnd(9);
  if (event.kind === "stream-up-to-date") return `${name} up to date (${count(event.rows)} rows)`;
  if (event.kind !== "stream-done") return undefined;
  const seconds = event.elapsedMs / 1000;
  const files = event.files.map((f: ManifestFile) => `${f.path} ${size(f.bytes)}`).join(", ");
  return `${name} ${count(event.rows).padStart(11)} rows in ${seconds.toFixed(1).padStart(5)} s (${count(event.rows / Math.max(seconds, 1e-3))} rows/s): ${files}`;
}

/**
 * A progress view for a terminal (a live bar per stream with rows and rows/s, then the
 * summary lines) or, when `out` is not a terminal, only the summary line of each stream.
 */
export function progressView(out: Output): ProgressView {
  if (!out.isTTY) {
    // Streams finish out of order (Parquet overlaps the next stream); print in run order.
    const order: string[] = [];
    const ready = new Map<string, string>();
    return {
      onProgress: (event) => {
        if (event.kind === "stream-start" || event.kind === "stream-up-to-date") order.push(event.stream);
        const line = summary(event);
        if (line) ready.set(event.stream, line);
        while (order.length > 0 && ready.has(order[0] as string)) {
          out.write(`${ready.get(order.shift() as string)}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  const bars = new cliProgress.MultiBar(
    {
      format: " {stream} |{bar}| {percentage}% | {rows} rows | {rate} rows/s | {status}",
      hideCursor: true,
      clearOnComplete: true,
      stream: out as NodeJS.WritableStream,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const live = new Map<string, cliProgress.SingleBar>();
  const lines: string[] = [];
  return {
    onProgress: (event) => {
      const line = summary(event);
      if (line) lines.push(line);
      const stream = event.stream.padEnd(9);
      if (event.kind === "stream-start") {
        const total = event.expectedRows ?? 0;
        live.set(
          event.stream,
          bars.create(total, 0, { stream, rows: "0", rate: "-", status: event.formats.join(",") }),
        );
      } else if (event.kind === "rows") {
        const bar = live.get(event.stream);
        if (!bar) return;
        if (event.rows > bar.getTotal()) bar.setTotal(event.rows);
        const rate = count(event.rows / Math.max(event.elapsedMs / 1000, 1e-3));
        bar.update(event.rows, { rows: count(event.rows), rate, status: "writing" });
      } else if (event.kind === "stream-done") {
        const bar = live.get(event.stream);
        bar?.setTotal(event.rows);
        bar?.update(event.rows, { rows: count(event.rows), status: "done" });
      }
    },
    stop: () => {
      bars.stop();
      for (const line of lines.splice(0)) out.write(`${line}\n`);
    },
  };
}
