import type { AlertSource, Reading } from "./alert-row.ts";

/** The site id field of each stream that alert rules read. */
export const SITE_FIELD: Readonly<Partial<Record<AlertSource, string>>> = {
  energy: "meter_id",
  septic: "monitor_id",
  air: "station_id",
  traffic: "camera_id",
};

/**
 * A stream row (as the store or a generator yields it: `ts` in epoch ms) as a {@link Reading}:
 * its numeric fields become values. Add derived values (such as `aqi`) with `extra`.
 * @example readingFromRow("septic", { ts, monitor_id: "SEP-001", town_code: "500152001", ch4_lel: 3 })
 */
export function readingFromRow(
  source: AlertSource,
  row: Readonly<Record<string, unknown>>,
  extra: Readonly<Record<string, number | null>> = {},
): Reading {
  const siteField = SITE_FIELD[source];
  const site = siteField ? row[siteField] : undefined;
  if (typeof site !== "string")
    throw new Error(
      `${source} row: expected a site id in "${siteField ?? "?"}", got ${JSON.stringify(site)}`,
    );
  const ts = row.ts;
  if (typeof ts !== "number" || !Number.isFinite(ts))
    throw new Error(`${source} row of ${site}: expected "ts" in epoch ms, got ${JSON.stringify(ts)}`);
  const values: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(row)) if (k !== "ts" && typeof v === "number") values[k] = v;
  const town = row.town_code;
  return {
    source,
    site_id: site,
    ts,
    town_code: typeof town === "string" ? town : null,
    values: { ...values, ...extra },
  };
}
