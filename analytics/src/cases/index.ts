export { CASE_DIMENSIONS, caseKpis, caseKpisSql } from "./case-kpis.ts";
export type { CaseDimension, CaseRow, CaseKpis } from "./case-kpis.ts";
