import { ParseError } from "./parse-error.ts";

/**
 * Parses RFC 4180 CSV with a header row into records (all values as text; empty cells absent,
 * so nullable fields read as null). Handles quoted fields with commas, quotes and newlines,
 * CRLF line ends and a UTF-8 BOM (Excel writes one).
 */
export function parseCsv(input: string): Record<string, string>[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n") endRow();
    else if (ch !== "\r") field += ch;
    i++;
  }
  if (quoted) throw new ParseError(`row ${rows.length}: unterminated quoted field`, rows.length);
  if (field !== "" || row.length > 0) endRow();
  const [header, ...data] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return data.map((cells, r) => {
    if (cells.length !== names.length) {
      throw new ParseError(
        `row ${r + 1}: expected ${names.length} cells as in the header, got ${cells.length}`,
        r + 1,
      );
    }
    const rec: Record<string, string> = {};
    cells.forEach((v, j) => {
      if (v !== "") rec[names[j] as string] = v;
    });
    return rec;
  });
}
