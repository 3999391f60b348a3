import { round6 } from "../local-projection.ts";
import { nearestTown } from "../nearest-town.ts";
import type { Rng } from "../random.ts";
import { INDUSTRY_PROFILES, type IndustryProfile } from "./enterprise-profiles.ts";
import { BRAND_WORDS } from "./name-pools.ts";
import { createSampler } from "./sampler.ts";
import type { Carrier, Enterprise } from "./site-schemas.ts";

/** Log-normal draw with the given median, clamped to [min, max]. */
function logNormal(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, median * Math.exp(sigma * rng.normal())));
}

/**
 * Annual energy use in tce. Key units (重点用能单位) use ≥ 5,000; above-scale firms hundreds to a
 * few thousand; small firms tens. Totals land in the 10⁵–10⁶ tce range of a district like Tongnan.
 */
function annualTce(rng: Rng, scale: Enterprise["scale"]): number {
  if (scale === "key") return Math.round(logNormal(rng, 11000, 0.6, 5000, 80000));
  if (scale === "above") return Math.round(logNormal(rng, 800, 0.8, 100, 4900));
  return Math.round(logNormal(rng, 60, 0.9, 3, 600));
}

function firmName(rng: Rng, profile: IndustryProfile, taken: Set<string>): string {
  for (let i = 0; i < 50; i++) {
    const brand = rng.pick(BRAND_WORDS);
    const trade = rng.pick(profile.trades);
    const name =
      profile.industry === "public"
        ? `潼南区${brand}${trade}`
        : profile.industry === "commercial"
          ? `潼南${brand}${trade}`
          : `重庆潼南${brand}${trade}有限公司`;
    if (!taken.has(name)) return name;
  }
  throw new Error(`enterprise names: could not find a free ${profile.label} name in 50 tries`);
}

/**
 * Generates key enterprises and large buildings for every industry profile (about 320 in all).
 * Pass `total` to scale every industry's count; the result has exactly `total` firms.
 */
export function generateEnterprises(
  rng: Rng,
  inside: (lon: number, lat: number) => boolean,
  total?: number,
): Enterprise[] {
  const planned = INDUSTRY_PROFILES.reduce((n, p) => n + p.count, 0);
  const factor = total === undefined ? 1 : total / planned;
  const counts = INDUSTRY_PROFILES.map((p) => Math.round(p.count * factor));
  counts[0] = (counts[0] ?? 0) + (total ?? planned) - counts.reduce((a, b) => a + b, 0);
  const taken = new Set<string>();
  const firms: Omit<Enterprise, "id">[] = [];
  for (const [k, profile] of INDUSTRY_PROFILES.entries()) {
    const sample = createSampler(rng, profile.where, inside);
    const count = Math.max(0, counts[k] ?? 0);
    const keys = Math.round(profile.keyCount * Math.min(1, factor));
    for (let i = 0; i < count; i++) {
      const [lon, lat] = sample();
      const town = nearestTown(lon, lat);
      const scale = i < keys ? "key" : rng.chance(profile.aboveShare) ? "above" : "other";
      const name = firmName(rng, profile, taken);
      taken.add(name);
      const extra = (Object.entries(profile.carriers) as [Carrier, number][]).filter(([, p]) =>
        rng.chance(p),
      );
      const carriers: Carrier[] = ["electricity", ...extra.map(([c]) => c)];
      const shifts = scale === "key" && profile.shifts.includes(3) ? 3 : rng.pick(profile.shifts);
      const annual_tce = annualTce(rng, scale);
      firms.push({
        name,
        industry: profile.industry,
        town_code: town.code,
        lon: round6(lon),
        lat: round6(lat),
        scale,
        annual_tce,
        shifts,
        carriers,
        source: "generated",
      });
    }
  }
  return firms.map((f, i): Enterprise => ({ id: `ENT-${String(i + 1).padStart(4, "0")}`, ...f }));
}
