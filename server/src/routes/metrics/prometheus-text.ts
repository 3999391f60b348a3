/** The content type of the Prometheus text exposition format. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Label names and values of one series, in a fixed order. */
export type Labels = Readonly<Record<string, string>>;

/** A metric's kind as written in its `# TYPE` line. */
export type MetricType = "counter" | "gauge" | "histogram";

/** One line of samples: a name (maybe with `_bucket`/`_sum`/`_count`), labels and a value. */
export interface Sample {
  readonly name: string;
  readonly labels: Labels;
  readonly value: number;
}

/** A metric family as written: help, type and its samples. */
export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly samples: readonly Sample[];
}

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

/** A sample value as Prometheus writes it (`+Inf`, `-Inf`, `NaN`, or the number). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

/**
 * Writes metric families in the Prometheus text exposition format (version 0.0.4).
 * @example
 * renderFamilies([{ name: "up", help: "1 when up", type: "gauge", samples: [{ name: "up", labels: {}, value: 1 }] }]);
 * // "# HELP up 1 when up\n# TYPE up gauge\nup 1\n"
 */
export function renderFamilies(families: readonly Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) lines.push(`${s.name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
