import type { Store } from "../store/store.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ExtractFile } from "./manifest.ts";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The Parquet source of a file this publish did not compute (it was linked from the previous
 * version before its Parquet sibling existed, or spliced while the previous one was still being
 * written): the definition's SQL, for the part's Shanghai month or day. Reuse already assumes
 * those rows did not change; unlike a snapshot, a write landing before the background `COPY`
 * would show in it.
 */
export function parquetFromDefinition(
  store: Store,
  def: ExtractDef,
  file: ExtractFile & { readonly month?: string; readonly day?: string },
): ParquetSource {
  const name = `${file.file.replace(/\.arrows$/, "")}.parquet`;
  if (!file.month || !def.timeColumn) return { store, select: def.sql, file: name };
  const c = quote(def.timeColumn);
  // DATE columns are local days already; TIMESTAMP columns are UTC instants.
  const day = `strftime(CASE WHEN typeof(${c}) = 'DATE' THEN CAST(${c} AS TIMESTAMP) ELSE CAST(${c} AS TIMESTAMP) + INTERVAL 8 HOUR END, '%Y-%m-%d')`;
  const where = file.day ? `${day} = ${lit(file.day)}` : `substr(${day}, 1, 7) = ${lit(file.month)}`;
  return { store, select: `SELECT * FROM (${def.sql}) WHERE ${where}`, file: name };
}
