import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import {
  INGEST_FORMATS,
  MEDIA_TYPES,
  ParseError,
  decodeBody,
  type IngestFormat,
  type IngestResult,
  type Store,
} from "@citybrain/analytics";
import { STREAM_NAMES, ValidationError, type StreamName } from "@citybrain/datasets";
import { apiError } from "../../errors.ts";
import { jsonDepth } from "../reports/report-schemas.ts";

/** Options of {@link ingestRoutes}. */
export interface IngestRoutesOptions {
  readonly store: Store;
  /** Largest accepted body in bytes (default 64 MiB). */
  readonly maxBytes?: number;
  /**
   * Bodies larger than this (bytes; default 1 MiB) of CSV, NDJSON or Parquet are handed to
   * DuckDB's own readers with validation in SQL (`store.ingestFile`); smaller ones are decoded in
   * JS. Arrow IPC is always read column by column (`store.ingestArrow`). Every path applies
   * the same rules with the same messages.
   */
  readonly sqlPathBytes?: number;
  /** Called after every committed (non-replayed) batch, e.g. to refresh extracts. */
  readonly onIngested?: (result: IngestResult) => void;
}

const MAX_ERRORS = 100;
/** Rows are flat records; deeper values are garbage, and printing them would overflow the stack. */
const MAX_ROW_DEPTH = 8;

function formatOf(contentType: string | undefined, query: string | undefined): IngestFormat | null {
  if (query) return (INGEST_FORMATS as readonly string[]).includes(query) ? (query as IngestFormat) : null;
  const media = contentType?.split(";")[0]?.trim().toLowerCase();
  return media ? (MEDIA_TYPES[media] ?? null) : null;
}

/**
 * `POST /ingest/:stream`: NDJSON, CSV, Arrow IPC or Parquet bodies, validated against the
 * stream's schema; idempotent by the batch id in `X-Batch-Id` (or `Idempotency-Key`).
 * A batch with a bad row is rejected whole (422) unless `?onBadRows=quarantine`.
 * @example
 * app.route("/api", ingestRoutes({ store, onIngested: () => publisher.schedule() }));
 */
export function ingestRoutes(options: IngestRoutesOptions): Hono {
  const app = new Hono();
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  app.post(
    "/ingest/:stream",
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        apiError(c, 413, "body_too_large", `body exceeds ${maxBytes} bytes`, { limit: maxBytes }),
    }),
    async (c) => {
      const stream = c.req.param("stream");
      if (!(STREAM_NAMES as readonly string[]).includes(stream)) {
        return apiError(c, 404, "unknown_stream", `no stream "${stream}"`, {
          param: "stream",
          expected: STREAM_NAMES,
        });
      }
      const format = formatOf(c.req.header("Content-Type"), c.req.query("format"));
      if (!format) {
        return apiError(c, 415, "unsupported_format", "send NDJSON, CSV, Arrow IPC or Parquet", {
          header: "Content-Type",
          got: c.req.header("Content-Type") ?? null,
          expected: Object.keys(MEDIA_TYPES),
        });
      }
      const batchId = c.req.header("X-Batch-Id") ?? c.req.header("Idempotency-Key");
      if (!batchId || batchId.length > 200 || !/^[\w.:@/+=-]+$/.test(batchId)) {
        return apiError(
          c,
          400,
          "missing_batch_id",
          "send a batch id (letters, digits, . : @ / + = - _; ≤ 200)",
          {
            header: "X-Batch-Id",
          },
        );
      }
      const policy = c.req.query("onBadRows") ?? "reject";
      if (policy !== "reject" && policy !== "quarantine") {
        return apiError(
          c,
          400,
          "bad_parameter",
          `onBadRows: expected reject or quarantine, got "${policy}"`,
          {
            param: "onBadRows",
          },
        );
      }
      const body = new Uint8Array(await c.req.arrayBuffer());
      const ingest = async (): Promise<IngestResult> => {
        const opts = { batchId, onBadRows: policy } as const;
        if (format !== "arrow" && body.length > (options.sqlPathBytes ?? 1024 * 1024)) {
          const dir = await mkdtemp(join(tmpdir(), "citybrain-ingest-"));
          try {
            const file = join(dir, `body.${format}`);
            await writeFile(file, body);
            return await options.store.ingestFile(stream as StreamName, file, format, opts);
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        }
        if (format === "arrow") return options.store.ingestArrow(stream as StreamName, body, opts);
        const records = await decodeBody(format, body);
        const deep = records.findIndex((r) => jsonDepth(r, MAX_ROW_DEPTH) > MAX_ROW_DEPTH);
        if (deep >= 0) {
          throw new ParseError(`row ${deep + 1}: values nest deeper than ${MAX_ROW_DEPTH} levels`, deep + 1);
        }
        return options.store.ingest(stream as StreamName, records, opts);
      };
      try {
        const result = await ingest();
        if (!result.replayed) options.onIngested?.(result);
        return c.json({
          ...result,
          errors: result.errors.slice(0, MAX_ERRORS),
          totalErrors: result.errors.length,
        });
      } catch (e) {
        if (e instanceof ParseError)
          return apiError(c, 400, "bad_body", e.message, { format, row: e.row ?? null });
        if (e instanceof ValidationError) {
          return apiError(c, 422, "validation_failed", e.message, {
            stream,
            batchId,
            errors: e.errors.slice(0, MAX_ERRORS),
            totalErrors: e.errors.length,
          });
        }
        throw e;
      }
    },
  );
  return app;
}
