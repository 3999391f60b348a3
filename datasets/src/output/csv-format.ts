import type { TextFormat } from "./text-sink.ts";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Quotes a CSV field per RFC 4180 when it holds a comma, quote or line break (doubling inner
 * quotes). Also quotes leading/trailing blanks (readers may trim them) and the empty string
 * (an empty unquoted field means null).
 */
export function csvQuote(s: string): string {
  if (s.length === 0) return '""';
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV: header row of field names, RFC 4180 quoting, `\n` line ends, times as ISO-8601 UTC
 * (`…Z`), dates `YYYY-MM-DD`, nulls as empty fields.
 */
export const csvFormat: TextFormat = {
  style: { quote: csvQuote, nullText: "", quoteTimes: false },
  header: (names) => `${names.map(csvQuote).join(",")}\n`,
  prefixes: (names) => names.map((_, j) => (j === 0 ? "" : ",")),
  rowEnd: "\n",
};
