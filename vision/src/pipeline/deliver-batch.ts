import { createHash } from "node:crypto";

/** Identifies a batch of rows for idempotent ingest (`X-Batch-Id`): same rows, same id. */
export interface BatchInfo {
  batchId: string;
}

/** A consumer of row batches (the server's ingest); may be async. */
export type BatchCallback<R> = (rows: R[], batch: BatchInfo) => void | Promise<void>;

/** `vision:traffic:CAM-00822:3f1a…` — a digest of the rows, so a replayed batch is recognised. */
export function batchIdOf(stream: string, cameraId: string, rows: readonly object[]): string {
  const digest = createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16);
  return `vision:${stream}:${cameraId}:${digest}`;
}

/**
 * Hands rows to a callback without waiting for it (a slow store must not stall the camera);
 * a throw or a rejected promise goes to `onError` with the batch id, never nowhere.
 */
export function deliverBatch<R>(
  callback: BatchCallback<R> | undefined,
  rows: R[],
  batchId: string,
  onError: (message: string) => void,
): void {
  if (!callback || rows.length === 0) return;
  const fail = (error: unknown): void =>
    onError(`delivering batch ${batchId}: ${error instanceof Error ? error.message : String(error)}`);
  try {
    const pending = callback(rows, { batchId });
    if (pending) pending.catch(fail);
  } catch (error) {
    fail(error);
  }
}
