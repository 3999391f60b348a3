import type { MessageKey } from "../i18n/messages.ts";

/** Energy carriers in display order, with their series colour (GoView dark palette; no red). */
export const CARRIERS = [
  { id: "electricity", color: "#4992ff" },
  { id: "water", color: "#58d9f9" },
  { id: "gas", color: "#7cffb2" },
  { id: "oil", color: "#fddd60" },
] as const;

/** A carrier id as it appears in the extract's `carrier` column. */
export type CarrierId = (typeof CARRIERS)[number]["id"];

/** Message keys for a carrier's name, KPI label and native unit. */
export function carrierKeys(id: CarrierId): { name: MessageKey; kpi: MessageKey; unit: MessageKey } {
  return { name: `carrier_${id}`, kpi: `kpi_${id}`, unit: `unit_${id}` };
}
