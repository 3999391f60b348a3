/**
 * What citizens report through the 爱潼南 app. 城管随手拍 is a real micro-app of the app (the
 * bureau's 2021 inventory); the other micro-app names, the category mix and the handling times
 * are invented but typical of Chinese urban-management and 12345-style hotlines.
 */

/** A case category: relative frequency within its app and median hours to close. */
export interface CaseCategory {
  readonly name: string;
  readonly weight: number;
  readonly medianHours: number;
}

/** A micro-app and the share of cases it receives. */
export interface CaseApp {
  readonly name: string;
  readonly share: number;
  readonly categories: readonly CaseCategory[];
}

const c = (name: string, weight: number, medianHours: number): CaseCategory => ({
  name,
  weight,
  medianHours,
});

/** Micro-apps of 爱潼南 that receive cases. */
export const CASE_APPS: readonly CaseApp[] = [
  {
    name: "城管随手拍",
    share: 0.45,
    categories: [
      c("占道经营", 3, 8),
      c("乱堆乱放", 2, 12),
      c("违规停车", 2.5, 4),
      c("井盖缺失", 0.6, 10),
      c("道路破损", 1, 72),
      c("垃圾满溢", 1.5, 6),
      c("违规广告", 0.6, 48),
      c("违章搭建", 0.4, 240),
      c("绿化损毁", 0.5, 72),
      c("路灯故障", 0.8, 48),
    ],
  },
  {
    name: "民生诉求",
    share: 0.25,
    categories: [
      c("供水问题", 1, 24),
      c("供电问题", 0.8, 12),
      c("燃气问题", 0.4, 8),
      c("物业纠纷", 1, 120),
      c("劳资纠纷", 0.5, 240),
      c("噪音扰民", 1, 24),
      c("教育咨询", 0.6, 48),
      c("医保社保", 0.7, 72),
    ],
  },
  {
    name: "环境投诉",
    share: 0.15,
    categories: [
      c("噪音扰民", 2, 24),
      c("油烟污染", 1, 72),
      c("污水排放", 0.8, 48),
      c("废气排放", 0.6, 72),
      c("扬尘污染", 0.8, 48),
      c("垃圾焚烧", 0.5, 24),
    ],
  },
  {
    name: "交通出行",
    share: 0.08,
    categories: [
      c("违规停车", 2, 4),
      c("交通信号故障", 0.5, 8),
      c("道路拥堵", 0.8, 3),
      c("公交服务", 0.7, 72),
    ],
  },
  {
    name: "安全隐患随手报",
    share: 0.07,
    categories: [
      c("消防通道堵塞", 1, 24),
      c("危房隐患", 0.4, 168),
      c("燃气泄漏", 0.2, 2),
      c("电梯故障", 0.5, 24),
    ],
  },
];

/** Every (app, category) pair with its overall probability, for one weighted draw per case. */
export function flatCategories(): { app: string; category: CaseCategory; p: number }[] {
  return CASE_APPS.flatMap((app) => {
    const total = app.categories.reduce((s, k) => s + k.weight, 0);
    return app.categories.map((category) => ({
      app: app.name,
      category,
      p: (app.share * category.weight) / total,
    }));
  });
}
