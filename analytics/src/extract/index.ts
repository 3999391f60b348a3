/**
 * Extracts: named queries over the store published as versioned Arrow IPC files (zstd, brotli,
 * gzip and Parquet siblings written in the background) for the screen, the report builder and the briefing deck.
 * docs/extracts.md lists every extract; docs/architecture.md describes the manifest.
 */
export { DEFAULT_EXTRACTS, energyDailyTown, shanghaiDay, extractViewSql } from "./extract-defs.ts";
export type { ExtractDef, ExtractRole } from "./extract-defs.ts";
export { energyDailyEnterprise, energyHourlyTown, energyHourlyEnterprise } from "./energy-extracts.ts";
export { keyEnergyUnits, KEY_UNITS_WINDOW_DAYS } from "./key-energy-units-extract.ts";
export { trafficHourly, trafficCongestion } from "./traffic-extracts.ts";
export { septicStatus, septicHourly } from "./septic-extracts.ts";
export { airDailyAqi, airLatest } from "./air-extracts.ts";
export {
  casesDaily,
  creditMonthly,
  exchangeDaily,
  alertsRecent,
  ALERTS_RECENT_DAYS,
} from "./governance-extracts.ts";
export { sitesExtract } from "./sites-extract.ts";
export { loadSites, siteRows, SITES_TABLE_SQL, SITE_KINDS } from "./sites-table.ts";
export type { SiteRow, SiteKind, SitesInput } from "./sites-table.ts";
export { loadTowns } from "./towns-table.ts";
export type { TownRow } from "./towns-table.ts";
export { publishExtracts, publishExtractsStaged, readManifest } from "./publish.ts";
export type { PublishOptions, ExtractTiming, SiblingTiming, StagedPublish } from "./publish.ts";
export { STAGES } from "./stage-clock.ts";
export type { Stage } from "./stage-clock.ts";
export { stopFinishing } from "./extract-finisher.ts";
export type { Reuse } from "./publish-extract.ts";
export { MANIFEST_FILE } from "./manifest.ts";
export type { Manifest, ManifestEntry, ManifestPart, ExtractFile, ParquetFile } from "./manifest.ts";
export { writeFileAtomic } from "./atomic-write.ts";
export { inlineParams, sqlExpr, withScopedTable } from "./inline-params.ts";
export type { SqlExpression } from "./inline-params.ts";
export { monthOfMs, monthsOfRange } from "./month-parts.ts";
