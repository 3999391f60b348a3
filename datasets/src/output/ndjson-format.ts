import type { TextFormat } from "./text-sink.ts";

/**
 * NDJSON: one JSON object per line with the fields in schema order, times as ISO-8601 UTC
 * strings (`…Z`), dates `"YYYY-MM-DD"`, nulls as `null`.
 */
export const ndjsonFormat: TextFormat = {
  style: { quote: (s) => JSON.stringify(s), nullText: "null", quoteTimes: true },
  header: () => "",
  prefixes: (names) => names.map((n, j) => `${j === 0 ? "{" : ","}${JSON.stringify(n)}:`),
  rowEnd: "}\n",
};
