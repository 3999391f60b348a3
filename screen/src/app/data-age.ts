import type { ExtractInfo, ExtractManifest } from "../data/manifest.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { WallLayout } from "./wall-layout.ts";

/** Data older than this shows a yellow dot beside its age. */
export const STALE_AFTER_MS = 2 * 3600 * 1000;

/** Write 「数据更新于 …」 and the extract's period into the title bar. */
export function showDataAge(
  layout: WallLayout,
  i18n: I18n,
  manifest: ExtractManifest,
  extract: ExtractInfo,
): void {
  layout.dataAge.textContent = `${i18n.t("updatedAt")} ${i18n.dateTime(manifest.generatedAt, true)}`;
  layout.dataAge.dataset.generatedAt = manifest.generatedAt;
  layout.ageDot.dataset.stale = String(Date.now() - Date.parse(manifest.generatedAt) > STALE_AFTER_MS);
  const range = extract.timeRange;
  layout.period.textContent = range
    ? `${i18n.t("period")} ${range[0].slice(0, 10)} — ${range[1].slice(0, 10)}`
    : "";
}
