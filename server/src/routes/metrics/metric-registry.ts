import type { Family, Labels, Sample } from "./prometheus-text.ts";

/** Series kept per metric; label combinations past it are counted under `overflow` labels. */
export const MAX_SERIES = 1000;

function keyOf(names: readonly string[], values: Labels): string {
  return names.map((n) => values[n] ?? "").join("\u0000");
}

abstract class Metric<S> {
  readonly #series = new Map<string, { labels: Labels; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  protected abstract fresh(): S;

  protected state(labels: Labels): S {
    let key = keyOf(this.labelNames, labels);
    let entry = this.#series.get(key);
    if (!entry && this.#series.size >= MAX_SERIES) {
      // A client that invents label values (paths, methods) must not grow memory without bound.
      labels = Object.fromEntries(this.labelNames.map((n) => [n, "overflow"]));
      key = keyOf(this.labelNames, labels);
      entry = this.#series.get(key);
    }
    if (!entry) {
      const own = Object.fromEntries(this.labelNames.map((n) => [n, labels[n] ?? ""]));
      entry = { labels: own, state: this.fresh() };
      this.#series.set(key, entry);
    }
    return entry.state;
  }

  protected series(): { labels: Labels; state: S }[] {
    return [...this.#series.values()];
  }
}

/** A monotonically increasing count, per label combination. */
export class Counter extends Metric<{ value: number }> {
  protected fresh() {
    return { value: 0 };
  }

  /** Adds `by` (default 1; negative amounts are ignored). */
  inc(labels: Labels = {}, by = 1): void {
    if (by > 0) this.state(labels).value += by;
  }

  family(): Family {
    const samples = this.series().map((s) => ({ name: this.name, labels: s.labels, value: s.state.value }));
    return { name: this.name, help: this.help, type: "counter", samples };
  }
}

/** Seconds buckets for HTTP request durations (5 ms … 10 s). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** A distribution of observations in cumulative buckets, per label combination. */
export class Histogram extends Metric<{ counts: number[]; sum: number; count: number }> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    readonly buckets: readonly number[] = DURATION_BUCKETS,
  ) {
    super(name, help, labelNames);
  }

  protected fresh() {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  observe(labels: Labels, value: number): void {
    const s = this.state(labels);
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i] = (s.counts[i] ?? 0) + 1;
    s.sum += value;
    s.count += 1;
  }

  family(): Family {
    const samples: Sample[] = [];
    for (const { labels, state } of this.series()) {
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += state.counts[i] ?? 0;
        samples.push({
          name: `${this.name}_bucket`,
          labels: { ...labels, le: String(b) },
          value: cumulative,
        });
      });
      samples.push({ name: `${this.name}_bucket`, labels: { ...labels, le: "+Inf" }, value: state.count });
      samples.push({ name: `${this.name}_sum`, labels, value: state.sum });
      samples.push({ name: `${this.name}_count`, labels, value: state.count });
    }
    return { name: this.name, help: this.help, type: "histogram", samples };
  }
}

/** A value read when metrics are scraped (clients connected, memory, versions). */
export interface GaugeSource {
  readonly name: string;
  readonly help: string;
  /** One value, or labelled values; null or nothing when unknown (the gauge is then left out). */
  read(): number | null | readonly { labels: Labels; value: number }[];
}

/** Turns a gauge source into a family, or null when it has nothing to say right now. */
export function gaugeFamily(g: GaugeSource): Family | null {
  const v = g.read();
  if (v === null) return null;
  const samples =
    typeof v === "number"
      ? [{ name: g.name, labels: {}, value: v }]
      : v.map((s) => ({ name: g.name, labels: s.labels, value: s.value }));
  return samples.length ? { name: g.name, help: g.help, type: "gauge", samples } : null;
}
