/**
 * One septic tank's 5-minute readings. The level rises with household use (a residential
 * day shape: morning and evening peaks) and drops when a truck pumps it out by day once it
 * passes a threshold — a sawtooth. Tank temperature follows the weather, damped; methane rises
 * with temperature and with the level (less headspace), with occasional gas bursts and a
 * spike while pumping stirs the sludge; H2S tracks methane.
 */
import { loadShape } from "../../generators/cycles.ts";
import { blockLabels } from "../../generators/live-anomalies.ts";
import { rngFor } from "../../generators/random.ts";
import type { RunDays } from "../../generators/run-days.ts";
import { HOUR_MS, localDay, localTimeOfDay } from "../../generators/time.ts";
import type { GroundTruthAnomaly } from "../../generators/types.ts";
import { SEPTIC_STEP_MS } from "./generate-anomalies.ts";

/** Output arrays of one monitor, one value per grid step. */
export interface SepticSeries {
  readonly level: Float64Array;
  readonly ch4: Float64Array;
  readonly h2s: Float64Array;
  readonly temp: Float64Array;
}

const PER_DAY = 288;
const round1 = (v: number) => Math.round(v * 10) / 10;
const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/**
 * A live day's starting level: the tank climbs from ~8 % to its ~81 % pump-out level in
 * `73 / (perStep · 288)` days and starts over, at a phase of its own.
 */
function cycleLevel(seed: number, id: string, perStep: number, day: number): number {
  const perDay = perStep * PER_DAY;
  const cycleDays = 73 / perDay;
  const phase = rngFor(seed, "septic", id, "phase").next() * cycleDays;
  return 8 + ((day + phase) % cycleDays) * perDay;
}

/** Household use per 5-minute slot (mean 1), from the residential load shape. */
const USE = Float64Array.from(
  { length: PER_DAY },
  (_, s) => loadShape("residential", 0)[Math.floor(s / 3)] as number,
);

/**
 * Simulates a monitor over the grid `start + i·5 min`. `filling` is the monitor's tank_filling
 * anomaly, if any: no pump-out from its start to its end, and a climb that crosses 90 % at
 * `details.crosses_90_at`. `block` (a live day's index) seeds the day's randomness and starts
 * the level where the tank's fill-and-pump cycle puts it that day, so days join up roughly.
 */
export function fillSepticSeries(
  out: SepticSeries,
  id: string,
  seed: number,
  start: number,
  run: RunDays,
  filling?: GroundTruthAnomaly,
  block?: number,
): void {
  const tank = rngFor(seed, "septic", id);
  const n = out.level.length;
  const perStep = 75 / tank.range(6, 24) / PER_DAY; // % of depth per step at mean use
  const gas = tank.range(3, 9);
  const sulphide = tank.range(0.15, 0.4);
  let threshold = tank.range(76, 86);
  let level = tank.range(10, 80);
  const rng = block === undefined ? tank : rngFor(seed, "septic", id, ...blockLabels({ block }));
  if (block !== undefined) level = cycleLevel(seed, id, perStep, localDay(start));
  let pumpLeft = 0;
  let pumpDrop = 0;
  let stir = 0;
  let burst = 0;
  let burstStep = 0;
  let noise = 0;
  let tankT = 0;
  let day = localDay(start);
  let slot = Math.floor(localTimeOfDay(start) / SEPTIC_STEP_MS);
  const fStart = filling?.start ?? Infinity;
  const fEnd = filling?.end ?? -Infinity;
  const cross = Number(filling?.details?.crosses_90_at ?? 0);
  let fRate = 0;
  for (let i = 0; i < n; i++) {
    const t = start + i * SEPTIC_STEP_MS;
    if (slot === PER_DAY) {
      slot = 0;
      day++;
    }
    const d = Math.min(run.days - 1, Math.max(0, day - run.firstDay));
    const tmean = run.weather.tmean[d] as number;
    if (i === 0) tankT = 0.55 * tmean + 0.45 * 17;
    else if (slot === 0) tankT += 0.3 * (0.55 * tmean + 0.45 * 17 - tankT);
    const hour = slot / 12;
    const inFill = t >= fStart && t < fEnd;
    if (inFill) {
      if (t === fStart || fRate === 0) fRate = (90.5 - level) / Math.max(1, (cross - t) / SEPTIC_STEP_MS);
      level += t < cross ? fRate : 8.5 / ((2 * 24 * HOUR_MS) / SEPTIC_STEP_MS);
      pumpLeft = 0;
    } else if (pumpLeft > 0) {
      level -= pumpDrop;
      pumpLeft--;
      stir = 12;
    } else {
      level += perStep * (USE[slot] as number) * (run.dayType[d] === 0 ? 1 : 1.06);
      const daytime = hour >= 8.5 && hour < 17;
      if ((level >= threshold && daytime) || level >= 88 || t === fEnd) {
        pumpLeft = 6 + rng.int(7);
        pumpDrop = (level - rng.range(4, 12)) / pumpLeft;
        threshold = rng.range(76, 86);
      }
    }
    level = clamp(level, 0, 99.5);
    noise = 0.98 * noise + 0.2 * rng.normal();
    if (burstStep <= 0 && rng.chance(1 / (5 * PER_DAY))) {
      burstStep = 12 + rng.int(36);
      burst = rng.range(8, 25);
    }
    const burstNow = burstStep > 0 ? burst * Math.min(1, burstStep / 6) : 0;
    if (burstStep > 0) burstStep--;
    const temp = tankT + 0.6 * Math.sin(((hour - 9) * Math.PI) / 12) + 0.15 * rng.normal();
    const ch4 =
      gas * Math.exp(0.07 * (temp - 18)) * (0.6 + (0.8 * level) / 100) * Math.exp(0.1 * noise) +
      burstNow +
      stir;
    if (stir > 0) stir = Math.max(0, stir - 1);
    out.level[i] = round1(clamp(level + 0.25 * rng.normal(), 0, 100));
    out.temp[i] = round1(temp);
    out.ch4[i] = round1(clamp(ch4, 0, 100));
    out.h2s[i] = round1(clamp(0.2 + sulphide * ch4 * (1 + 0.1 * rng.normal()), 0, 1000));
    slot++;
  }
}
