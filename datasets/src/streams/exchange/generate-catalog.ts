/**
 * The data-sharing platform's catalog: 434 catalog items (the bureau's 2021 figure), each from
 * a providing unit and shared with a few of 126 consuming units on the e-government extranet
 * ("120+ units"). Unit names are the usual departments of a Chinese district government plus
 * the 23 town/street governments and public-service bodies; which unit provides and consumes
 * what, and how much, is invented. Fixed: it does not depend on the seed.
 */
import { Random, hashSeed } from "../../generators/random.ts";

const words = (s: string) => s.split(" ");

/** Units that publish catalog items (weights: how many items each tends to own). */
const PROVIDERS = words(
  "区公安局 区市场监管局 区人力社保局 区税务局 区教委 区卫生健康委 区民政局 区规划自然资源局 区交通局 区住房城乡建委 " +
    "区发展改革委 区经济信息委 区生态环境局 区农业农村委 区医保局 区统计局 区司法局 区应急管理局 区城市管理局 区水利局 " +
    "区文化旅游委 区商务委 区财政局 区审计局 区退役军人事务局 区信访办 区大数据发展局 区不动产登记中心 区公积金中心 区残联 " +
    "区林业局 区气象局 区人民法院 区人民检察院 区政务服务中心 潼南高新区管委会 区国资委 区供销社 区消防救援支队 区邮政管理局",
);

/** Providers who own the most items (population, enterprise credit, transport, projects, education). */
const BIG_PROVIDERS = new Set([
  "区公安局",
  "区市场监管局",
  "区人力社保局",
  "区交通局",
  "区发展改革委",
  "区教委",
  "区卫生健康委",
  "区民政局",
]);

const TOWN_GOVS = words(
  "桂林街道办事处 梓潼街道办事处 大佛街道办事处 上和镇政府 龙形镇政府 古溪镇政府 宝龙镇政府 玉溪镇政府 米心镇政府 群力镇政府 " +
    "双江镇政府 花岩镇政府 柏梓镇政府 崇龛镇政府 塘坝镇政府 新胜镇政府 太安镇政府 小渡镇政府 卧佛镇政府 五桂镇政府 " +
    "田家镇政府 别口镇政府 寿桥镇政府",
);

const OTHERS = words(
  "区人民医院 区中医院 区妇幼保健院 区疾控中心 潼南中学 潼南第一中学 区职教中心 国网潼南供电公司 区自来水公司 区燃气公司 " +
    "区公交公司 区客运站 农商行潼南支行 工行潼南支行 建行潼南支行 区融媒体中心 区档案馆 区图书馆 区社保中心 区就业中心 " +
    "区不动产交易中心 区公共资源交易中心 区招商投资促进中心 区机关事务中心 区网格化服务中心 区12345热线 区城市大脑运营中心 " +
    "区殡仪馆 区救助站 区福利院 区气象台 区水文站 区环境监测站 区农技推广中心 区畜牧站 区动物疫控中心 区食药检所 区质检所 " +
    "区建设工程质量站 区交通执法支队 区城管执法支队 区市场监管执法支队 区生态环境执法支队 区文化执法支队 区农业执法支队 区劳动监察支队 " +
    "区法律援助中心 区公证处 区仲裁委 区人防办 区红十字会 区工商联 区总工会 团区委 区妇联 区科协 区侨联 区税务稽查局 区统计调查队 " +
    "区审批服务中心 区土地储备中心 区住房保障中心 区征地服务中心",
);

/** Subjects each provider publishes; the seed facts name credit, passenger transport, projects, education. */
const SUBJECTS: Readonly<Record<string, string>> = {
  区公安局: "户籍人口 居民身份证 机动车登记 驾驶人 出入境",
  区市场监管局: "市场主体 企业信用 食品经营许可 特种设备 行政处罚",
  区人力社保局: "个人社保 就业登记 职业资格 劳动合同",
  区交通局: "客运班线 道路运输许可 营运车辆 公交线路",
  区发展改革委: "项目审批 项目核准备案 价格监测 信用承诺",
  区教委: "学籍 学校基本 教师资格 招生录取",
  区卫生健康委: "医疗机构 执业医师 出生医学证明 预防接种",
  区民政局: "婚姻登记 低保对象 社会组织 殡葬服务",
  区税务局: "纳税信用 税务登记 发票",
  区规划自然资源局: "规划许可 土地供应",
  区不动产登记中心: "不动产登记 不动产抵押",
  区住房城乡建委: "工程建设 施工许可 建筑企业资质",
  区生态环境局: "排污许可 环境监测 环评审批",
  区农业农村委: "农业补贴 农村土地承包",
  区医保局: "医保参保 医保结算",
  区公积金中心: "公积金缴存 公积金贷款",
  区应急管理局: "应急物资 安全生产许可",
  区水利局: "水雨情 取水许可",
  区文化旅游委: "旅游景区 文化经营许可",
  区财政局: "财政预算 政府采购",
  区司法局: "律师执业 社区矫正",
  区人民法院: "失信被执行人 裁判文书",
  区经济信息委: "规上工业企业 工业能耗",
  区残联: "残疾人证 残疾人补贴",
  区退役军人事务局: "退役军人 优抚对象",
  区信访办: "信访事项",
  区气象局: "气象预警 气象观测",
  区统计局: "统计年报 统计名录",
  区城市管理局: "城管案件 数字城管部件",
  区大数据发展局: "电子证照 数据目录",
};

const FORMS = words("信息 登记信息 明细 台账 名录 核验 统计 变更记录");

/** A catalog item and the units that consume it. */
export interface CatalogItem {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  readonly consumers: readonly string[];
  /** Share of all records exchanged on the platform, per consumer of this item. */
  readonly weight: number;
  /** Records per API call (small) or per file transfer (large). */
  readonly recordsPerCall: number;
}

/** The 126 consuming units. */
export const CONSUMER_UNITS: readonly string[] = [...PROVIDERS, ...TOWN_GOVS, ...OTHERS].slice(0, 126);

let cached: CatalogItem[] | undefined;

/** The 434 catalog items (fixed, seed-independent). */
export function exchangeCatalog(): readonly CatalogItem[] {
  if (cached) return cached;
  const rng = new Random(hashSeed("tongnan-data-catalog"));
  const providerWeights = PROVIDERS.map((p) => (BIG_PROVIDERS.has(p) ? 4 : 1));
  const total = providerWeights.reduce((s, w) => s + w, 0);
  const items: CatalogItem[] = [];
  for (let n = 1; n <= 434; n++) {
    let x = rng.next() * total;
    const provider = PROVIDERS[providerWeights.findIndex((w) => (x -= w) < 0)] ?? (PROVIDERS[0] as string);
    const consumers = new Set<string>();
    const count = Math.min(12, 1 + Math.floor(rng.exponential(2.2)));
    while (consumers.size < count) {
      const c = rng.pick(CONSUMER_UNITS);
      if (c !== provider) consumers.add(c);
    }
    const file = rng.chance(0.15);
    items.push({
      id: `DIR-${String(n).padStart(4, "0")}`,
      name: `${rng.pick(words(SUBJECTS[provider] ?? `${provider.replace(/^区/, "")}业务`))}${rng.pick(FORMS)}`,
      provider,
      consumers: [...consumers],
      weight: rng.logNormal(1, 1.2) * (BIG_PROVIDERS.has(provider) ? 2 : 1),
      recordsPerCall: file ? Math.round(rng.range(500, 5000)) : Math.round(rng.range(1, 20)),
    });
  }
  const sum = items.reduce((s, i) => s + i.weight * i.consumers.length, 0);
  cached = items.map((i) => ({ ...i, weight: i.weight / sum }));
  return cached;
}
