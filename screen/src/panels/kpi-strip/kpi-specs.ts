import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import { CARRIERS } from "../carriers.ts";
import type { CarrierId } from "../carriers.ts";

/** The KPI strip's queries: the total tce, and native totals per carrier. */
export function kpiSpecs(extract: string): Record<"total" | "carriers", QuerySpec> {
  return {
    total: { from: extract, measures: [{ field: "tce", agg: "sum", as: "tce" }] },
    carriers: {
      from: extract,
      measures: [
        { field: "value", agg: "sum", as: "value" },
        { field: "tce", agg: "sum", as: "tce" },
      ],
      dimensions: [{ field: "carrier" }],
    },
  };
}

/** What the strip shows. Missing carriers count as 0; an empty extract totals 0. */
export interface KpiValues {
  totalTce: number;
  carriers: Record<CarrierId, number>;
}

/** Read the answers of {@link kpiSpecs}. */
export function kpiValues(results: Record<string, Row[]>): KpiValues {
  const total = Number(results.total?.[0]?.tce ?? 0);
  const carriers = Object.fromEntries(CARRIERS.map((c) => [c.id, 0])) as Record<CarrierId, number>;
  for (const row of results.carriers ?? []) {
    const id = row.carrier as CarrierId;
    if (id in carriers) carriers[id] = Number(row.value ?? 0);
  }
  return { totalTce: Number.isFinite(total) ? total : 0, carriers };
}
