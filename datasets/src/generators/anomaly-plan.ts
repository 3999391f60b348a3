/**
 * Placing injected anomalies: spans drawn from a seeded generator inside the generated range,
 * aligned to the stream's grid, optionally restricted to local hours. Placement is a pure
 * function of the seed, the stream and the selected sites.
 */
import type { Random } from "./random.ts";
import { HOUR_MS, dayStart, localDay } from "./time.ts";
import type { GroundTruthAnomaly } from "./types.ts";

/** Where and how long an anomaly may be. */
export interface SpanOptions {
  /** Shortest and longest duration, ms. */
  readonly minMs: number;
  readonly maxMs: number;
  /** Grid step: start and duration are multiples of it. */
  readonly stepMs: number;
  /** Earliest and latest start as a share of the range (default 0.1 and 0.8). */
  readonly from?: number;
  readonly to?: number;
  /** Local hours [from, to) the start must fall in. */
  readonly hours?: readonly [number, number];
}

/** A span [start, end) inside [rangeStart, rangeEnd). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Draws one span; the end is clipped to the range end. */
export function drawSpan(rng: Random, rangeStart: number, rangeEnd: number, o: SpanOptions): Span {
  const length = rangeEnd - rangeStart;
  const align = (ms: number) => rangeStart + Math.floor((ms - rangeStart) / o.stepMs) * o.stepMs;
  let start = align(rangeStart + length * rng.range(o.from ?? 0.1, o.to ?? 0.8));
  if (o.hours) {
    const [h0, h1] = o.hours;
    let day = localDay(start);
    const at = () => align(dayStart(day) + rng.range(h0, h1) * HOUR_MS);
    let s = at();
    if (s < rangeStart) {
      day++;
      s = at();
    }
    start = s < rangeEnd ? s : start;
  }
  const duration = Math.max(o.stepMs, Math.round(rng.range(o.minMs, o.maxMs) / o.stepMs) * o.stepMs);
  return { start, end: Math.min(rangeEnd, start + duration) };
}

/** Index span [from, to) of a time span on a regular grid starting at `gridStart`. */
export function spanIndices(span: Span, gridStart: number, stepMs: number): [number, number] {
  return [Math.ceil((span.start - gridStart) / stepMs), Math.ceil((span.end - gridStart) / stepMs)];
}

/** True when a half-open time lies in any of the spans. */
export function inSpans(t: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (t >= s.start && t < s.end) return true;
  return false;
}

/** Anomaly id: `${stream}-${kind}-${n}`, n from 1 per stream and kind. */
export function anomalyId(stream: string, kind: string, n: number): string {
  return `${stream}-${kind}-${n}`;
}

/** Appends planned anomalies to the context's ground truth, in plan order. */
export function recordAnomalies(target: GroundTruthAnomaly[], planned: readonly GroundTruthAnomaly[]): void {
  for (const a of planned) target.push(a);
}
