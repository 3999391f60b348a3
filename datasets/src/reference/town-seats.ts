/**
 * Approximate seats (镇/街道 government locations) of Tongnan's 23 towns and streets, GCJ-02.
 *
 * NOT surveyed positions. Estimated from public descriptions of each town's direction and road
 * distance from the district seat and its neighbours (e.g. 龙形 "north-east, 11 km", 古溪
 * "north-east, 17.3 km", 双江 "10 km, on the 涪江, borders Suining", 崇龛 "west, 30 km, on the
 * 琼江", 塘坝 "22 km south, on G319", 小渡 "35 km, east of 卧佛, north of 寿桥"), then placed
 * inside the real outline. Expect errors of a few kilometres. Replace them by supplying real
 * boundaries (see `townCellsFromGeoJSON`) when precision matters.
 *
 * `weight` is a generated relative activity weight (population/economy proxy) used only to
 * spread generated sites; it is not an official statistic.
 */
export interface TownSeat {
  code: string;
  name: string;
  lon: number;
  lat: number;
  weight: number;
}

export const TOWN_SEATS: readonly TownSeat[] = [
  { code: "500152001", name: "桂林街道", lon: 105.835, lat: 30.198, weight: 6 },
  { code: "500152002", name: "梓潼街道", lon: 105.852, lat: 30.18, weight: 6 },
  { code: "500152003", name: "大佛街道", lon: 105.818, lat: 30.204, weight: 3 },
  { code: "500152101", name: "上和镇", lon: 105.955, lat: 30.19, weight: 1 },
  { code: "500152102", name: "龙形镇", lon: 105.912, lat: 30.252, weight: 0.8 },
  { code: "500152103", name: "古溪镇", lon: 105.935, lat: 30.318, weight: 0.9 },
  { code: "500152104", name: "宝龙镇", lon: 105.9, lat: 30.372, weight: 0.8 },
  { code: "500152107", name: "玉溪镇", lon: 105.8, lat: 30.36, weight: 0.8 },
  { code: "500152108", name: "米心镇", lon: 105.915, lat: 30.125, weight: 1 },
  { code: "500152109", name: "群力镇", lon: 105.86, lat: 30.3, weight: 0.8 },
  { code: "500152110", name: "双江镇", lon: 105.772, lat: 30.268, weight: 1.4 },
  { code: "500152112", name: "花岩镇", lon: 105.675, lat: 30.228, weight: 0.9 },
  { code: "500152113", name: "柏梓镇", lon: 105.655, lat: 30.09, weight: 1.4 },
  { code: "500152114", name: "崇龛镇", lon: 105.6, lat: 30.17, weight: 1.2 },
  { code: "500152115", name: "塘坝镇", lon: 105.83, lat: 29.985, weight: 1.5 },
  { code: "500152116", name: "新胜镇", lon: 105.77, lat: 29.975, weight: 0.8 },
  { code: "500152117", name: "太安镇", lon: 105.775, lat: 30.07, weight: 1 },
  { code: "500152119", name: "小渡镇", lon: 105.88, lat: 29.905, weight: 0.9 },
  { code: "500152120", name: "卧佛镇", lon: 105.785, lat: 29.895, weight: 0.9 },
  { code: "500152121", name: "五桂镇", lon: 105.735, lat: 30.045, weight: 0.7 },
  { code: "500152122", name: "田家镇", lon: 105.855, lat: 30.085, weight: 0.8 },
  { code: "500152123", name: "别口镇", lon: 105.71, lat: 30.155, weight: 0.7 },
  { code: "500152124", name: "寿桥镇", lon: 105.768, lat: 29.838, weight: 0.6 },
];
