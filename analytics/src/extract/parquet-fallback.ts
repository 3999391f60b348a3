import type { Store } from "../store/store.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ExtractFile } from "./manifest.ts";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The Parquet source of a file this publish did not compute (it was linked from the previous
 * version before its Parquet sibling existed): the definition's SQL, for one Shanghai month of a
 * partitioned extract. Reuse already assumes those rows did not change; unlike a snapshot, a
 * write landing before the background `COPY` would show in it.
 */
export function parquetFromDefinition(
  store: Store,
  def: ExtractDef,
  file: ExtractFile,
  month: string | null,
): ParquetSource {
  const base = file.file.replace(/\.arrows$/, "");
  if (month === null || !def.timeColumn) return { store, select: def.sql, file: `${base}.parquet` };
  const c = quote(def.timeColumn);
  // DATE columns are local days already; TIMESTAMP columns are UTC instants.
  const local = `CASE WHEN typeof(${c}) = 'DATE' THEN CAST(${c} AS TIMESTAMP) ELSE CAST(${c} AS TIMESTAMP) + INTERVAL 8 HOUR END`;
  return {
    store,
    select: `SELECT * FROM (${def.sql}) WHERE strftime(${local}, '%Y-%m') = '${month.replaceAll("'", "''")}'`,
    file: `${base}.parquet`,
  };
}
