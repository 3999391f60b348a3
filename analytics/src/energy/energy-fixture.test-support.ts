import type { Carrier } from "@citybrain/datasets";

/** One energy row at Asia/Shanghai wall-clock `local` ("2026-03-01T11:00"). */
export function reading(enterprise: string, town: string, carrier: Carrier, local: string, value: number) {
  return {
    ts: new Date(`${local}:00+08:00`).toISOString(),
    meter_id: `${enterprise}-${carrier.slice(0, 1).toUpperCase()}`,
    enterprise_id: enterprise,
    industry: "equipment" as const,
    town_code: town,
    carrier,
    value,
  };
}
