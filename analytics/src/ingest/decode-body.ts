import { parseArrow } from "./parse-arrow.ts";
import { parseCsv } from "./parse-csv.ts";
import { parseNdjson } from "./parse-ndjson.ts";
import { ParseError } from "./parse-error.ts";
import { parseParquet } from "./parse-parquet.ts";

/** Body formats the ingest path accepts. */
export const INGEST_FORMATS = ["ndjson", "csv", "arrow", "parquet"] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

/** Media types mapped to formats (HTTP `Content-Type`). */
export const MEDIA_TYPES: Readonly<Record<string, IngestFormat>> = {
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "application/jsonl": "ndjson",
  "text/csv": "csv",
  "application/vnd.apache.arrow.stream": "arrow",
  "application/vnd.apache.arrow.file": "arrow",
  "application/vnd.apache.parquet": "parquet",
  "application/x-parquet": "parquet",
};

/** Picks the format from a file name's extension, or null. */
export function formatFromFileName(name: string): IngestFormat | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  const byExt: Record<string, IngestFormat> = {
    ndjson: "ndjson",
    jsonl: "ndjson",
    csv: "csv",
    arrow: "arrow",
    arrows: "arrow",
    feather: "arrow",
    parquet: "parquet",
  };
  return byExt[ext] ?? null;
}

/** Decodes a body of the given format into raw records (validation happens at ingest). */
export async function decodeBody(format: IngestFormat, bytes: Uint8Array): Promise<unknown[]> {
  switch (format) {
    case "ndjson":
      return parseNdjson(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
    case "csv":
      return parseCsv(new TextDecoder().decode(bytes));
    case "arrow":
      return parseArrow(bytes);
    case "parquet":
      return parseParquet(bytes);
    default:
      throw new ParseError(`unknown format "${String(format)}": expected one of ndjson, csv, arrow, parquet`);
  }
}
