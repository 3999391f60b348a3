import type { Severity } from "@citybrain/datasets";
import { formatDateTimeZh } from "../format/index.ts";
import type { AlertRule, AlertRules, AnomalyRule, OfflineRule, ThresholdRule } from "./alert-rule-config.ts";
import { anomalyMessage, offlineMessage, thresholdMessage } from "./alert-message.ts";
import { SEVERITY_RANK, type AlertRow, type Reading } from "./alert-row.ts";
import { anomalySeverity, type AnomalyEpisode } from "./anomaly-episode.ts";
import { defaultAlertRules } from "./default-alert-rules.ts";
import { newAlertRow, type SiteLocation } from "./new-alert-row.ts";
import { OfflineWatch } from "./offline-watch.ts";
import { IDLE, stepHysteresis, type HysteresisState } from "./threshold-hysteresis.ts";
import { transitionAlert, AlertTransitionError, type AlertAction } from "./transition-alert.ts";

/** Options of {@link AlertEngine}. */
export interface AlertEngineOptions {
  /** Validated rules (see {@link parseAlertRules}); defaults to {@link DEFAULT_ALERT_RULES}. */
  readonly rules?: AlertRules;
  /** Looks up a site's town and position when a reading does not carry them. */
  readonly locate?: (siteId: string) => SiteLocation | undefined;
}

interface Active {
  readonly rule: AlertRule;
  /** The alert's latest row; null once a person closed it while the condition still holds. */
  row: AlertRow | null;
  state: HysteresisState;
}

/**
 * The alert engine: consumes time-ordered readings and detector episodes, applies threshold rules
 * with hysteresis, offline rules and anomaly rules, and emits rows of the `alerts` stream. One
 * alert per rule × site at a time; escalation updates the same alert id with a higher severity
 * (and re-opens an acknowledged alert); a cleared condition closes it. Pure and deterministic:
 * alert ids come from rule, site and the condition's start.
 * @example
 * const engine = new AlertEngine();
 * for (const r of readings) for (const row of engine.push(r)) await sink(row);
 */
export class AlertEngine {
  readonly #thresholds: readonly ThresholdRule[];
  readonly #anomalies: readonly AnomalyRule[];
  readonly #offline: OfflineWatch;
  readonly #locate: (siteId: string) => SiteLocation | undefined;
  readonly #active = new Map<string, Active>();
  #clock = -Infinity;

  constructor(options: AlertEngineOptions = {}) {
    const rules = (options.rules ?? defaultAlertRules()).rules;
    this.#thresholds = rules.filter((r): r is ThresholdRule => r.kind === "threshold");
    this.#anomalies = rules.filter((r): r is AnomalyRule => r.kind === "anomaly");
    this.#offline = new OfflineWatch(rules.filter((r): r is OfflineRule => r.kind === "offline"));
    this.#locate = options.locate ?? (() => undefined);
  }

  /** Applies one reading; readings must come in time order (equal times are fine). */
  push(reading: Reading): AlertRow[] {
    const out = this.advance(reading.ts);
    for (const rule of this.#offline.seen(reading.source, reading.site_id, reading.ts)) {
      const closed = this.#close(rule, reading.site_id, reading.ts);
      if (closed) out.push(closed);
    }
    for (const rule of this.#thresholds) {
      const value = reading.values[rule.field];
      if (rule.source !== reading.source || value == null || !Number.isFinite(value)) continue;
      const row = this.#threshold(rule, reading, value);
      if (row) out.push(row);
    }
    return out;
  }

  /** Moves the clock to `now` without a reading, raising offline alerts that became due. */
  advance(now: number): AlertRow[] {
    if (now < this.#clock)
      throw new Error(
        `alert engine: a reading at ${formatDateTimeZh(now)} came after one at ${formatDateTimeZh(this.#clock)}; push readings in time order`,
      );
    this.#clock = now;
    return this.#offline.advance(now).map((e) => {
      const row = this.#open(
        e.rule,
        e.site_id,
        e.since,
        e.rule.severity,
        offlineMessage(e.site_id, e.lastSeen, e.since),
      );
      this.#active.set(key(e.rule, e.site_id), { rule: e.rule, row, state: IDLE });
      return row;
    });
  }

  /**
   * Turns a detector episode into an alert (graded by score), merged into the open alert of the
   * same rule and site if there is one. A finished episode (`ongoing` false) is closed at its end.
   */
  pushAnomaly(episode: AnomalyEpisode, options: { readonly ongoing?: boolean } = {}): AlertRow[] {
    const out: AlertRow[] = [];
    for (const rule of this.#anomalies) {
      const severity = anomalySeverity(rule, episode);
      if (!severity) continue;
      const message = anomalyMessage(rule, episode.site_id, episode.kind, episode.score);
      const active = this.#active.get(key(rule, episode.site_id));
      if (active?.row) {
        if (SEVERITY_RANK[severity] > SEVERITY_RANK[active.row.severity])
          out.push(this.#update(active, { severity, message, status: "open", actor: null }, episode.start));
      } else {
        const row = this.#open(rule, episode.site_id, episode.start, severity, message);
        this.#active.set(key(rule, episode.site_id), { rule, row, state: IDLE });
        out.push(row);
      }
      if (!options.ongoing) {
        const closed = this.#close(rule, episode.site_id, Math.max(episode.end, episode.start));
        if (closed) out.push(closed);
      }
    }
    return out;
  }

  /** A person acknowledges or closes an alert the engine holds; see {@link transitionAlert}. */
  transition(id: string, action: AlertAction, actor: string, at: number): AlertRow {
    const active = [...this.#active.values()].find((a) => a.row?.alert_id === id);
    if (!active?.row)
      throw new AlertTransitionError(`alert ${id} is not open in this engine (unknown or already closed)`);
    const row = transitionAlert(active.row, action, actor, at);
    active.row = row.status === "closed" ? null : row;
    if (!active.row && active.state.level < 0) this.#active.delete(key(active.rule, row.site_id ?? ""));
    return row;
  }

  /** Alerts that are open or acknowledged, oldest first. */
  openAlerts(): AlertRow[] {
    return [...this.#active.values()].flatMap((a) => (a.row ? [a.row] : [])).sort((a, b) => a.ts - b.ts);
  }

  #threshold(rule: ThresholdRule, reading: Reading, value: number): AlertRow | null {
    const k = key(rule, reading.site_id);
    const active = this.#active.get(k);
    const { state, event } = stepHysteresis(rule, active?.state ?? IDLE, value);
    const level = rule.levels[state.level];
    if (event === "clear") {
      this.#active.delete(k);
      return active?.row ? { ...active.row, status: "closed", updated_at: reading.ts, actor: null } : null;
    }
    if (active) active.state = state;
    if (!level || (event !== "raise" && event !== "escalate")) return null;
    const message = thresholdMessage(rule, reading.site_id, value, state.level);
    if (active?.row)
      return this.#update(
        active,
        { severity: level.severity, message, status: "open", actor: null },
        reading.ts,
      );
    // A new condition, or one a person closed that has now escalated: a new alert.
    const row = this.#open(rule, reading.site_id, reading.ts, level.severity, message, reading);
    this.#active.set(k, { rule, row, state });
    return row;
  }

  #open(
    rule: AlertRule,
    siteId: string,
    start: number,
    severity: Severity,
    message: string,
    at?: Reading,
  ): AlertRow {
    return newAlertRow(rule, siteId, start, severity, message, [at, this.#locate(siteId)]);
  }

  #update(active: Active, change: Partial<AlertRow>, at: number): AlertRow {
    const row: AlertRow = { ...(active.row as AlertRow), ...change, updated_at: at };
    active.row = row;
    return row;
  }

  #close(rule: AlertRule, siteId: string, at: number): AlertRow | null {
    const k = key(rule, siteId);
    const active = this.#active.get(k);
    this.#active.delete(k);
    return active?.row ? { ...active.row, status: "closed", updated_at: at, actor: null } : null;
  }
}

function key(rule: AlertRule, siteId: string): string {
  return `${rule.id}\u0000${siteId}`;
}
