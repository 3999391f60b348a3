export { exchangeUnitsSql, exchangeUnits, exchangeItemsSql, exchangeTotalsSql } from "./exchange-kpis.ts";
export type { ExchangeRow, ExchangeRole, ExchangeUnitRow } from "./exchange-kpis.ts";
