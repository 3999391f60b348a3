import type { Row } from "@citybrain/analytics/browser";

/** A cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR): text cells get a `'` first. */
const FORMULA = /^[=+\-@\t\r]/;

function cell(v: Row[string]): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const text = typeof v === "boolean" ? String(v) : FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV for an analyst's spreadsheet: RFC 4180 quoting, CRLF line ends, a UTF-8 byte
 * order mark so Excel reads Chinese text right, and text that would run as a formula defused.
 */
export function rowsToCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c] ?? null)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
