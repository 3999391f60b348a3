import { core, ht, LEMON_TOWNS, parks, towns, VEGETABLE_TOWNS } from "./enterprise-locations.ts";
import type { DensityPart } from "./sampler.ts";
import type { Carrier, Industry } from "./site-schemas.ts";

/** How the firms of one industry are generated. All numbers are generated choices. */
export interface IndustryProfile {
  industry: Industry;
  label: string;
  count: number;
  /** How many are key energy users (≥ 5,000 tce/yr). */
  keyCount: number;
  /** Share of the rest that are above-scale (规上). */
  aboveShare: number;
  /** Name cores, e.g. "机械制造" → 重庆潼南恒锐机械制造有限公司. */
  trades: readonly string[];
  where: readonly DensityPart[];
  shifts: readonly (1 | 2 | 3)[];
  /** Chance of metering each carrier besides electricity (always metered). */
  carriers: Readonly<Partial<Record<Exclude<Carrier, "electricity">, number>>>;
}

const words = (text: string): readonly string[] => text.split(" ");

/** The nine industries, about 320 firms in all, mostly in the high-tech zone and town parks. */
export const INDUSTRY_PROFILES: readonly IndustryProfile[] = [
  {
    industry: "equipment",
    label: "装备制造",
    count: 60,
    keyCount: 4,
    aboveShare: 0.5,
    trades: words("机械制造 精密机械 汽车零部件 智能装备 电机 阀门"),
    where: [ht(0.75), ...parks(0.25)],
    shifts: [2, 2, 3],
    carriers: { water: 0.8, gas: 0.3, oil: 0.3 },
  },
  {
    industry: "chemical",
    label: "化工新材料",
    count: 36,
    keyCount: 6,
    aboveShare: 0.6,
    trades: words("化工 新材料 精细化工 涂料 化学科技"),
    where: [ht(0.8), ...parks(0.2)],
    shifts: [3],
    carriers: { water: 1, gas: 0.8, oil: 0.2 },
  },
  {
    industry: "consumer",
    label: "特色消费品",
    count: 52,
    keyCount: 2,
    aboveShare: 0.45,
    trades: words("食品 纺织 家居 饮品 服饰 调味品"),
    where: [ht(0.6), ...parks(0.3), core(0.1, 1.5)],
    shifts: [1, 2, 2],
    carriers: { water: 0.9, gas: 0.6, oil: 0.1 },
  },
  {
    industry: "building",
    label: "绿色建材",
    count: 36,
    keyCount: 5,
    aboveShare: 0.5,
    trades: words("建材 新型墙材 水泥制品 商品混凝土 玻璃"),
    where: [ht(0.3), ...parks(0.5), { kind: "uniform", weight: 0.2 }],
    shifts: [2, 3, 3],
    carriers: { water: 0.8, gas: 0.7, oil: 0.6 },
  },
  {
    industry: "eco",
    label: "节能环保",
    count: 28,
    keyCount: 1,
    aboveShare: 0.4,
    trades: words("环保科技 节能科技 再生资源 水处理"),
    where: [ht(0.7), ...parks(0.3)],
    shifts: [1, 2],
    carriers: { water: 0.9, gas: 0.2, oil: 0.2 },
  },
  {
    industry: "lemon",
    label: "柠檬加工",
    count: 32,
    keyCount: 1,
    aboveShare: 0.35,
    trades: words("柠檬科技 柠檬产业 柠檬生物科技 果业"),
    where: [...towns(LEMON_TOWNS, 0.8, 1.5), ht(0.2)],
    shifts: [1, 2],
    carriers: { water: 1, gas: 0.5, oil: 0.3 },
  },
  {
    industry: "vegetable",
    label: "蔬菜加工",
    count: 40,
    keyCount: 0,
    aboveShare: 0.3,
    trades: words("蔬菜 农产品加工 绿色食品 冷链物流"),
    where: towns(VEGETABLE_TOWNS, 1, 2),
    shifts: [1, 1, 2],
    carriers: { water: 1, gas: 0.4, oil: 0.4 },
  },
  {
    industry: "commercial",
    label: "商业综合体",
    count: 22,
    keyCount: 0,
    aboveShare: 0.6,
    trades: words("购物中心 商业广场 酒店 商贸城"),
    where: [core(0.85, 1), ht(0.15)],
    shifts: [1],
    carriers: { water: 1, gas: 0.6, oil: 0.05 },
  },
  {
    industry: "public",
    label: "公共建筑",
    count: 14,
    keyCount: 0,
    aboveShare: 0.5,
    trades: words("体育中心 会展中心 文化中心 医院 学校 客运中心"),
    where: [core(0.8, 1.2), ...towns(["500152115", "500152113"], 0.2, 0.5)],
    shifts: [1],
    carriers: { water: 1, gas: 0.5, oil: 0.1 },
  },
];
