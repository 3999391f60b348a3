import { aqiLevelSql } from "./aqi-categories.ts";
import { POLLUTANTS } from "./pollutants.ts";

/**
 * The end of a `WITH …` query: one more CTE and the final SELECT adding `aqi`, `level`,
 * `primary_pollutants` and `exceeding` to the CTE `from`, which has `iaqi_<pollutant>` columns.
 * The AQI rules of {@link aqiFromIaqi}, in SQL.
 */
export function aqiTailSql(from: string): string {
  const cols = POLLUTANTS.map((p) => `iaqi_${p}`);
  const primary = POLLUTANTS.map((p) => `CASE WHEN iaqi_${p} = aqi THEN '${p}' END`).join(", ");
  return `, with_aqi AS (SELECT *, greatest(${cols.join(", ")}) AS aqi FROM ${from})
SELECT *, ${aqiLevelSql("aqi")} AS level,
  CASE WHEN aqi > 50 THEN concat_ws(',', ${primary}) END AS primary_pollutants,
  aqi > 100 AS exceeding
FROM with_aqi`;
}
