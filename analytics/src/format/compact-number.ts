/** Options shared by {@link formatZh} and {@link formatEn}. */
export interface NumberFormatOptions {
  /** Unit written after the number, e.g. `吨标准煤`, `kWh`. */
  unit?: string;
  /** Maximum fraction digits (default 2). */
  digits?: number;
  /** Always show `digits` fraction digits (stable width for rolling counters). */
  fixed?: boolean;
}

/** A number split for display: the digits, the scale word (万, 亿, M…) and the unit. */
export interface NumberParts {
  number: string;
  scale: string;
  unit: string;
}

/** One step of a compact scale: values ≥ `factor` are divided by it and suffixed. */
export interface ScaleStep {
  factor: number;
  suffix: string;
}

/** Chinese scales: 万 (10⁴), 亿 (10⁸), 万亿 (10¹²). */
export const ZH_SCALES: readonly ScaleStep[] = [
  { factor: 1e12, suffix: "万亿" },
  { factor: 1e8, suffix: "亿" },
  { factor: 1e4, suffix: "万" },
];

/** English scales: M, B, T (below a million the number is written out with separators). */
export const EN_SCALES: readonly ScaleStep[] = [
  { factor: 1e12, suffix: "T" },
  { factor: 1e9, suffix: "B" },
  { factor: 1e6, suffix: "M" },
];

/** Placeholder for a missing or non-finite value. */
export const NO_VALUE = "—";

/**
 * Split `value` into digits with thousands separators, a scale word and a unit. Rounding that
 * reaches the next scale is promoted (99,999,999 → `1亿`, not `10,000万`).
 *
 * @example compactParts(123456789, ZH_SCALES, "en-US", { unit: "吨" }) // => { number: "1.23", scale: "亿", unit: "吨" }
 */
export function compactParts(
  value: number,
  scales: readonly ScaleStep[],
  locale: string,
  options: NumberFormatOptions = {},
): NumberParts {
  const unit = options.unit ?? "";
  if (!Number.isFinite(value)) return { number: NO_VALUE, scale: "", unit };
  const digits = options.digits ?? 2;
  const format = new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: options.fixed ? digits : 0,
    useGrouping: true,
  });
  const abs = Math.abs(value);
  const round = (x: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
  // Smallest first, so a value rounding up to the next factor falls through to it.
  const ascending = [...scales].sort((a, b) => a.factor - b.factor);
  let chosen: ScaleStep | undefined;
  for (const step of ascending) {
    if (abs >= step.factor || round(abs) >= step.factor) chosen = step;
  }
  if (chosen) {
    const current = chosen;
    const next = ascending.find((s) => s.factor > current.factor);
    if (next && round(abs / current.factor) * current.factor >= next.factor) chosen = next;
  }
  const scaled = chosen ? value / chosen.factor : value;
  // Avoid "-0" after rounding a tiny negative number.
  const shown = round(scaled) === 0 ? 0 : scaled;
  return { number: format.format(shown), scale: chosen?.suffix ?? "", unit };
}

/** Join parts: no space before a CJK unit (`1.2万吨`), one space before a Latin unit (`1.2万 kWh`). */
export function joinParts(parts: NumberParts): string {
  const head = `${parts.number}${parts.scale}`;
  if (!parts.unit) return head;
  const cjk = /^[\u3000-\u9fff\uff00-\uffef%‰℃°]/.test(parts.unit);
  return cjk ? `${head}${parts.unit}` : `${head} ${parts.unit}`;
}
