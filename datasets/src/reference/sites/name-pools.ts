/**
 * Word pools for generated names. The combinations are invented: any match with a real company,
 * residential compound or school is chance.
 */

const words = (text: string): readonly string[] => text.split(" ");

/** Two-character trade names (字号). */
export const BRAND_WORDS = words(
  "恒锐 鑫达 金潼 盛源 宏图 佳禾 瑞丰 天成 华越 永泰 博远 兴业 嘉信 凯旋 润泽 益康 德润 海川 聚源 亿丰 " +
    "裕隆 万洲 峰岳 顺达 晟通 锦程 蓝天 绿源 森宇 启航 汇川 同创 利民 宝鼎 耀华 康达 明远 卓越 安泰 涪泽",
);

export const COMMUNITY_WORDS = words(
  "滨江 锦绣 阳光 凤凰 龙湾 金色 翠苑 江山 书香 桂园 柠檬 涪城 和苑 东城 西苑 南湖 北岸 新城 幸福 佛光",
);

export const COMMUNITY_SUFFIXES = words("小区 花园 家园 苑 新村 安置小区");

export const PLAZA_WORDS = words("人民 市民 文化 滨江 时代 城市 体育 商贸");

export const SCHOOL_KINDS = words("小学 中学 幼儿园 职业学校");
