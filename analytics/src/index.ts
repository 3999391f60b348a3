export { DuckDBStore } from "./store/duckdb-store.ts";
export type { DuckDBStoreOptions } from "./store/duckdb-store.ts";
export type { Store, IngestOptions, IngestResult, BadRowPolicy, SqlParam } from "./store/store.ts";
export { MIGRATIONS } from "./store/migrations.ts";
export { queryToArrow } from "./store/arrow-from-duckdb.ts";
export { DEFAULT_TCE_COEFFICIENTS, tceSql } from "./energy/coefficients.ts";
export { DEFAULT_EXTRACTS, energyDailyTown, shanghaiDay } from "./extract/extract-defs.ts";
export type { ExtractDef } from "./extract/extract-defs.ts";
export { publishExtracts, readManifest } from "./extract/publish.ts";
export { writeFileAtomic } from "./extract/atomic-write.ts";
export { MANIFEST_FILE } from "./extract/manifest.ts";
export type { Manifest, ManifestEntry } from "./extract/manifest.ts";
export { loadTowns } from "./extract/towns-table.ts";
export type { TownRow } from "./extract/towns-table.ts";
export {
  DEFAULT_ROLLUPS,
  energyHour,
  energyDay,
  trafficHour,
  septicHour,
  airDay,
  casesDay,
} from "./rollup/rollups.ts";
export { bucketWindow, bucketOf } from "./rollup/rollup-def.ts";
export type { RollupDef, RollupGrain } from "./rollup/rollup-def.ts";
export { decodeBody, formatFromFileName, INGEST_FORMATS, MEDIA_TYPES } from "./ingest/decode-body.ts";
export type { IngestFormat } from "./ingest/decode-body.ts";
export { ParseError } from "./ingest/parse-error.ts";
export { DuckDBNodeConnector, QueryCancelledError } from "./connector/duckdb-node-connector.ts";
export type { DuckDBNodeConnectorOptions } from "./connector/duckdb-node-connector.ts";
