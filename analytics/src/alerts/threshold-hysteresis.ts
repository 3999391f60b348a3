import type { ThresholdRule } from "./alert-rule-config.ts";

/** Where one rule stands for one site. `level` is -1 while the condition is not active. */
export interface HysteresisState {
  readonly level: number;
  /** Consecutive readings below the lowest threshold (but within the margin) while active. */
  readonly normal: number;
}

/** What one reading did to the condition. */
export type HysteresisEvent = "raise" | "escalate" | "clear" | null;

/** The state of a rule that is not active. */
export const IDLE: HysteresisState = { level: -1, normal: 0 };

/** Index of the highest level the value reaches, or -1. */
export function levelOf(rule: ThresholdRule, value: number): number {
  let level = -1;
  rule.levels.forEach((lv, i) => {
    if (rule.op === ">" ? value > lv.value : value >= lv.value) level = i;
  });
  return level;
}

/**
 * One step of the hysteresis: raise when a threshold is reached; escalate when a higher one is
 * (severity never falls while active, so flapping between two levels is one alert); clear only
 * when the value drops below the lowest threshold minus the margin, or after `clearAfter`
 * consecutive readings below the lowest threshold.
 */
export function stepHysteresis(
  rule: ThresholdRule,
  state: HysteresisState,
  value: number,
): { state: HysteresisState; event: HysteresisEvent } {
  const reached = levelOf(rule, value);
  if (state.level < 0) {
    return reached < 0 ? { state, event: null } : { state: { level: reached, normal: 0 }, event: "raise" };
  }
  if (reached > state.level) return { state: { level: reached, normal: 0 }, event: "escalate" };
  if (reached >= 0) return { state: { level: state.level, normal: 0 }, event: null };
  const lowest = rule.levels[0]?.value ?? Infinity;
  const normal = state.normal + 1;
  if (value < lowest - rule.margin || normal >= rule.clearAfter) return { state: IDLE, event: "clear" };
  return { state: { level: state.level, normal }, event: null };
}
