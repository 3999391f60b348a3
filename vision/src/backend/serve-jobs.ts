import { parentPort, workerData } from "node:worker_threads";
import type { JobErrorInfo, PoolReply, PoolRequest } from "./worker-pool.ts";

function errorInfo(error: unknown): JobErrorInfo {
  const e = error instanceof Error ? error : new Error(String(error));
  const cameraId = (e as { cameraId?: unknown }).cameraId;
  return { name: e.name, message: e.message, ...(typeof cameraId === "string" ? { cameraId } : {}) };
}

/**
 * The body of a `createWorkerPool` worker thread: `start` builds the job handler from the
 * pool's `workerData` (a failure is reported as the worker's start error), then every job is
 * answered — a failing one as a message, so nothing a job contains can make the thread exit.
 */
export async function serveJobs<P, R>(
  start: (data: unknown) => Promise<(payload: P) => Promise<R>>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveJobs must run in a worker thread");
  const reply = (message: PoolReply<R>): void => port.postMessage(message);
  try {
    const handle = await start(workerData);
    port.on("message", (request: PoolRequest<P>) => {
      handle(request.payload).then(
        (result) => reply({ type: "result", id: request.id, result }),
        (error: unknown) => reply({ type: "error", id: request.id, error: errorInfo(error) }),
      );
    });
    reply({ type: "ready" });
  } catch (error) {
    reply({ type: "init-error", message: (error as Error).message });
  }
}
