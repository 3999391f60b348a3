import { ParseError } from "./parse-error.ts";

/** Parses NDJSON (one JSON object per line; blank lines ignored) into records. */
export function parseNdjson(text: string): unknown[] {
  const records: unknown[] = [];
  let row = 0;
  for (const line of text.split("\n")) {
    const s = line.trim();
    if (s === "") continue;
    row++;
    try {
      records.push(JSON.parse(s));
    } catch (e) {
      throw new ParseError(`row ${row}: not valid JSON (${(e as Error).message})`, row);
    }
  }
  return records;
}
