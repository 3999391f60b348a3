export { RANKING_SIZE, createTownRankingPanel } from "./town-ranking-panel.ts";
export { rankedTowns, rankingOption } from "./ranking-option.ts";
export type { RankedTown } from "./ranking-option.ts";
