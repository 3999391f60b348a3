import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** HTTP content codings extracts are precompressed with, and their file suffixes. */
export const CODINGS = { zstd: "zst", br: "br", gzip: "gz" } as const;
export type Coding = keyof typeof CODINGS;

interface Task {
  readonly id: number;
  readonly source: string;
  readonly coding: Coding;
  readonly target: string;
  readonly resolve: (bytes: number) => void;
  readonly reject: (e: Error) => void;
}

const WORKER = new URL("./compress-worker.mjs", import.meta.url);

/**
 * Worker threads that compress extract files (one file × one coding per task), so compression
 * never blocks the event loop or the publish that runs meanwhile. Threads start on first use
 * and stop when idle (they do not keep the process alive).
 */
export class CompressPool {
  /** Threads at most. */
  readonly size: number;
  readonly #idle: Worker[] = [];
  readonly #queue: Task[] = [];
  readonly #running = new Map<Worker, Task>();
  #workers = 0;
  #ids = 0;

  /** @param size threads; default one less than the cores (at least one), at most 2. */
  constructor(size = Math.max(1, Math.min(2, availableParallelism() - 1))) {
    this.size = size;
  }

  /** Compresses file `source` into `target` with `coding`; resolves with the compressed size. */
  compress(source: string, coding: Coding, target: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: ++this.#ids, source, coding, target, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (!worker && this.#workers < this.size) worker = this.#spawn();
      if (!worker) return;
      const task = this.#queue.shift() as Task;
      this.#running.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, source: task.source, coding: task.coding, target: task.target });
    }
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER);
    this.#workers++;
    worker.on("message", (reply: { id: number; bytes?: number; error?: string }) => {
      const task = this.#running.get(worker);
      this.#running.delete(worker);
      worker.unref();
      this.#idle.push(worker);
      if (task && task.id === reply.id) {
        if (reply.error !== undefined)
          task.reject(new Error(`compressing ${task.source} (${task.coding}): ${reply.error}`));
        else task.resolve(reply.bytes ?? 0);
      }
      this.#pump();
    });
    worker.on("error", (e) => {
      const task = this.#running.get(worker);
      this.#running.delete(worker);
      this.#workers--;
      task?.reject(new Error(`compression worker failed on ${task.source}: ${e.message}`));
      this.#pump();
    });
    worker.unref();
    return worker;
  }
}
