import { compareText } from "./compare.ts";
import { distanceKm, fromLocalKm, round6, toLocalKm, type LonLat } from "../local-projection.ts";
import { HIGH_TECH_ZONE, INDUSTRIAL_PARKS, URBAN_CORE } from "../landmarks.ts";
import { nearestTown } from "../nearest-town.ts";
import type { Rng } from "../random.ts";
import { TOWNS } from "../towns.ts";
import { TOWN_SEATS } from "../town-seats.ts";
import type { EcoStation } from "./site-schemas.ts";

type Kind = EcoStation["kind"];

function near(rng: Rng, center: LonLat, km: number): LonLat {
  const [x, y] = toLocalKm(...center);
  const a = rng.range(0, 2 * Math.PI);
  const r = km * Math.sqrt(rng.next());
  return fromLocalKm(x + r * Math.cos(a), y + r * Math.sin(a));
}

/**
 * Generates eco-environment (air) stations: urban stations spread over the core, industrial ones in
 * the high-tech zone and town parks, one town station at most towns' seats, and background
 * stations at the rural points farthest from any seat. With 30 stations: 5 + 5 + 17 + 3.
 */
export function generateEcoStations(
  rng: Rng,
  inside: (lon: number, lat: number) => boolean,
  count: number,
): EcoStation[] {
  const nUrban = Math.round(count / 6);
  const nIndustrial = Math.round(count / 6);
  const nBackground = Math.round(count / 10);
  const nTown = Math.max(0, count - nUrban - nIndustrial - nBackground);
  const picks: { kind: Kind; point: LonLat; label: string }[] = [];
  const place = (kind: Kind, label: string, draw: () => LonLat) => {
    for (let i = 0; i < 200; i++) {
      const point = draw();
      if (inside(point[0], point[1])) return picks.push({ kind, point, label });
    }
    throw new Error(`eco station ${label}: no point inside the district`);
  };
  for (let i = 0; i < nUrban; i++)
    place("urban", `城区${i + 1}号站`, () => near(rng, URBAN_CORE.center, URBAN_CORE.radiusKm));
  const parks = [HIGH_TECH_ZONE, HIGH_TECH_ZONE, ...INDUSTRIAL_PARKS];
  for (let i = 0; i < nIndustrial; i++) {
    const park = parks[i % parks.length] ?? HIGH_TECH_ZONE;
    const nth = picks.filter((p) => p.label.startsWith(park.name)).length + 1;
    place("industrial", `${park.name}工业站${nth}`, () => near(rng, park.center, park.radiusKm));
  }
  const weight = (code: string) => TOWN_SEATS.find((s) => s.code === code)?.weight ?? 0;
  const towns = TOWNS.filter((t) => t.kind === "town").sort(
    (a, b) => weight(b.code) - weight(a.code) || compareText(a.code, b.code),
  );
  for (let i = 0; i < nTown; i++) {
    const town = towns[i % towns.length];
    if (town) place("town", "空气站", () => near(rng, town.seat, 0.6));
  }
  const candidates = Array.from({ length: 400 }, () => near(rng, URBAN_CORE.center, 45)).filter((p) =>
    inside(p[0], p[1]),
  );
  if (candidates.length === 0) throw new Error("eco stations: no rural candidate point inside the district");
  for (let i = 0; i < nBackground; i++) {
    const remote = (p: LonLat) =>
      Math.min(...TOWNS.map((t) => distanceKm(p, t.seat)), ...picks.map((s) => distanceKm(p, s.point)));
    const best = candidates.reduce((a, b) => (remote(b) > remote(a) ? b : a));
    place("background", "背景站", () => best);
  }
  return picks.map(({ kind, point, label }, i): EcoStation => {
    const town = nearestTown(point[0], point[1]);
    const name = kind === "industrial" ? label : `${town.name}${label}`;
    return {
      id: `AIR-${String(i + 1).padStart(2, "0")}`,
      name,
      town_code: town.code,
      lon: round6(point[0]),
      lat: round6(point[1]),
      kind,
      source: "generated",
    };
  });
}
