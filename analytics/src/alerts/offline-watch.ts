import type { OfflineRule } from "./alert-rule-config.ts";

/** An offline condition that began: the site last reported at `lastSeen`. */
export interface OfflineEvent {
  readonly rule: OfflineRule;
  readonly site_id: string;
  readonly lastSeen: number;
  /** When the silence reached the rule's limit: `lastSeen + afterMinutes`. */
  readonly since: number;
}

/**
 * Tracks when each site of each offline rule last reported, and which sites are offline.
 * Deterministic: an offline condition starts exactly `afterMinutes` after the last reading,
 * however often the clock is advanced.
 */
export class OfflineWatch {
  readonly #lastSeen = new Map<OfflineRule, Map<string, number>>();
  readonly #offline = new Map<OfflineRule, Set<string>>();

  constructor(readonly rules: readonly OfflineRule[]) {
    for (const r of rules) {
      this.#lastSeen.set(r, new Map());
      this.#offline.set(r, new Set());
    }
  }

  /** Records a reading; returns the rules whose offline condition for this site ended. */
  seen(source: string, siteId: string, ts: number): OfflineRule[] {
    const back: OfflineRule[] = [];
    for (const r of this.rules) {
      if (r.source !== source) continue;
      this.#lastSeen.get(r)?.set(siteId, ts);
      if (this.#offline.get(r)?.delete(siteId)) back.push(r);
    }
    return back;
  }

  /** Offline conditions that began before `now` (silence longer than the limit), in time order. */
  advance(now: number): OfflineEvent[] {
    const out: OfflineEvent[] = [];
    for (const r of this.rules) {
      const offline = this.#offline.get(r) ?? new Set<string>();
      for (const [site, lastSeen] of this.#lastSeen.get(r) ?? []) {
        const since = lastSeen + r.afterMinutes * 60_000;
        if (since < now && !offline.has(site)) {
          offline.add(site);
          out.push({ rule: r, site_id: site, lastSeen, since });
        }
      }
    }
    return out.sort((a, b) => a.since - b.since || a.site_id.localeCompare(b.site_id));
  }
}
