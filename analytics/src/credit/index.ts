export {
  CREDIT_RATINGS,
  creditRatingDistribution,
  creditRatingDistributionSql,
  creditListsSql,
  creditActionsSql,
  creditSummary,
} from "./credit-kpis.ts";
export type { CreditRating, CreditRow, CreditGrouping } from "./credit-kpis.ts";
