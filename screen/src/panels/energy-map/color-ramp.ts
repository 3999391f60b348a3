/** An RGBA colour with 0–255 channels, as deck.gl takes it. */
export type Rgba = [number, number, number, number];

/** Dark navy-blue for the least energy to bright cyan for the most. */
export const RAMP_STOPS: readonly [number, number, number][] = [
  [16, 52, 96],
  [21, 101, 192],
  [0, 170, 240],
  [9, 237, 254],
];

/**
 * The ramp colour at `t` ∈ [0, 1] (clamped), linear between {@link RAMP_STOPS}.
 *
 * @example rampColor(1) // => [9, 237, 254, 255]
 */
export function rampColor(t: number, alpha = 255): Rgba {
  const c = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = c * (RAMP_STOPS.length - 1);
  const i = Math.min(RAMP_STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = RAMP_STOPS[i] as [number, number, number];
  const b = RAMP_STOPS[i + 1] as [number, number, number];
  return [0, 1, 2]
    .map((k) => Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f))
    .concat(alpha) as Rgba;
}

/** Where `value` sits in [min, max] (0.5 when the range is empty). */
export function rampPosition(value: number, min: number, max: number): number {
  return max > min ? (value - min) / (max - min) : 0.5;
}

/** The ramp as a CSS linear-gradient, for the legend. */
export function rampGradientCss(): string {
  const stops = RAMP_STOPS.map(
    (s, i) => `rgb(${s.join(",")}) ${Math.round((i / (RAMP_STOPS.length - 1)) * 100)}%`,
  );
  return `linear-gradient(90deg, ${stops.join(", ")})`;
}
