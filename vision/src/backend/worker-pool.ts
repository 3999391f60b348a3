import { Worker } from "node:worker_threads";

/** Main thread → worker: one job. */
export interface PoolRequest<P> {
  id: number;
  payload: P;
}

/** How a failed job is described across the thread boundary. */
export interface JobErrorInfo {
  name: string;
  message: string;
  /** Set when the error names a camera itself (e.g. a `FrameError`). */
  cameraId?: string;
}

/** Worker → main thread. */
export type PoolReply<R> =
  | { type: "ready" }
  | { type: "init-error"; message: string }
  | { type: "result"; id: number; result: R }
  | { type: "error"; id: number; error: JobErrorInfo };

/** What {@link createWorkerPool} runs and how its messages name things. */
export interface WorkerPoolSpec {
  /** Worker entry (a `.mjs` that registers tsx, then imports a body built on `serveJobs`). */
  bootstrap: URL;
  workerData: unknown;
  /** Worker threads. */
  size: number;
  /** Jobs allowed to wait for a free worker before new ones are refused. */
  maxQueue: number;
  /** The worker in messages, e.g. "detector worker". */
  worker: string;
  /** The worker as a job waits for it, e.g. "a detector worker" or "the OCR worker". */
  waitFor: string;
  /** What one job is, e.g. "frame"; its plural adds an s. */
  item: string;
  /** The pool as its users know it, in "… is closed", e.g. "inference backend". */
  owner: string;
  /** The error a caller gets for a job the worker failed (default: the worker's error, same name and message). */
  jobError?: (cameraId: string, error: JobErrorInfo) => Error;
}

/** A pool of worker threads serving jobs one at a time each, in arrival order. */
export interface WorkerPool<P, R> {
  /** Runs a job for a camera; refused at once when closed or when `maxQueue` jobs already wait. */
  run(payload: P, cameraId: string): Promise<R>;
  /** Refuses new jobs, rejects queued ones, lets running ones finish, then stops the workers. */
  close(): Promise<void>;
}

interface Job<P, R> {
  id: number;
  payload: P;
  cameraId: string;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

interface Slot<P, R> {
  worker: Worker;
  job?: Job<P, R>;
}

/**
 * Starts `size` worker threads (resolving once all are ready) and queues jobs for them. A worker
 * that dies (a native crash) fails only the job it held, naming its camera, and is replaced; one
 * that never started stays down, its error reported to the caller of this function.
 */
export async function createWorkerPool<P, R>(spec: WorkerPoolSpec): Promise<WorkerPool<P, R>> {
  const queue: Job<P, R>[] = [];
  const slots: Slot<P, R>[] = [];
  const pending = new Set<Promise<unknown>>();
  let nextId = 0;
  let closed = false;
  const jobError =
    spec.jobError ??
    ((_camera: string, e: JobErrorInfo) => Object.assign(new Error(e.message), { name: e.name }));

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift();
      if (!job) break;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, payload: job.payload } satisfies PoolRequest<P>);
    }
  };

  const spawn = (): Promise<Slot<P, R>> =>
    new Promise((resolve, reject) => {
      const slot: Slot<P, R> = { worker: new Worker(spec.bootstrap, { workerData: spec.workerData }) };
      let ready = false;
      slot.worker.on("message", (reply: PoolReply<R>) => {
        if (reply.type === "ready") return ((ready = true), resolve(slot));
        if (reply.type === "init-error")
          return reject(new Error(`${spec.worker} failed to start: ${reply.message}`));
        const job = slot.job;
        if (!job || job.id !== reply.id) return;
        slot.job = undefined;
        if (reply.type === "result") job.resolve(reply.result);
        else job.reject(jobError(job.cameraId, reply.error));
        pump();
      });
      slot.worker.on("error", reject);
      slot.worker.on("exit", (code) => {
        const index = slots.indexOf(slot);
        if (index >= 0) slots.splice(index, 1);
        const job = slot.job;
        slot.job = undefined;
        job?.reject(
          new Error(
            `camera "${job.cameraId}": ${spec.worker} exited (code ${code}) while processing this ${spec.item}`,
          ),
        );
        if (closed || !ready) return;
        spawn().then(
          (replacement) => (slots.push(replacement), pump()),
          () => undefined,
        );
      });
    });

  slots.push(...(await Promise.all(Array.from({ length: spec.size }, spawn))));

  return {
    run(payload: P, cameraId: string): Promise<R> {
      if (closed) return Promise.reject(new Error(`camera "${cameraId}": ${spec.owner} is closed`));
      if (queue.length >= spec.maxQueue) {
        return Promise.reject(
          new Error(
            `camera "${cameraId}": ${queue.length} ${spec.item}s already wait for ${spec.waitFor}; ${spec.item} dropped`,
          ),
        );
      }
      const result = new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, payload, cameraId, resolve, reject });
        pump();
      });
      const settled = result.catch(() => undefined);
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return result;
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(new Error(`camera "${job.cameraId}": ${spec.owner} closed`));
      }
      await Promise.all(pending);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
