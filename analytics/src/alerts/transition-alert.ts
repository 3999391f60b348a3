import { formatDateTimeZh } from "../format/index.ts";
import type { AlertRow, AlertStatus } from "./alert-row.ts";

/** What a person can do to an alert. */
export type AlertAction = "ack" | "close";

const TARGET: Readonly<Record<AlertAction, AlertStatus>> = { ack: "ack", close: "closed" };
const ALLOWED: Readonly<Record<AlertStatus, readonly AlertAction[]>> = {
  open: ["ack", "close"],
  ack: ["close"],
  closed: [],
};
const VERB: Readonly<Record<AlertAction, string>> = { ack: "acknowledged", close: "closed" };

/** A refused alert transition: says which alert, what was asked, and why not. */
export class AlertTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlertTransitionError";
  }
}

/**
 * A person acknowledges or closes an alert: returns the updated row (same id, new status, actor
 * and `updated_at`). Allowed: open → ack, open → closed, ack → closed.
 * @example
 * const acked = transitionAlert(alert, "ack", "值班员 张三", Date.now());
 * @throws {AlertTransitionError} for any other transition, an empty actor, or a time before the
 *   alert's last change.
 */
export function transitionAlert(alert: AlertRow, action: AlertAction, actor: string, at: number): AlertRow {
  const who = actor.trim();
  if (!who)
    throw new AlertTransitionError(`alert ${alert.alert_id}: ${action} needs an actor (who did it), got ""`);
  if (!Number.isFinite(at))
    throw new AlertTransitionError(`alert ${alert.alert_id}: ${action} needs a time, got ${at}`);
  if (!ALLOWED[alert.status].includes(action)) {
    const by = alert.actor ? ` by ${alert.actor}` : "";
    const reason =
      alert.status === "closed"
        ? `it was closed${by} at ${formatDateTimeZh(alert.updated_at)}`
        : `it is already ${VERB.ack}${by}`;
    throw new AlertTransitionError(`alert ${alert.alert_id} cannot be ${VERB[action]}: ${reason}`);
  }
  if (at < alert.updated_at)
    throw new AlertTransitionError(
      `alert ${alert.alert_id} cannot be ${VERB[action]} at ${formatDateTimeZh(at)}: its last change was later, at ${formatDateTimeZh(alert.updated_at)}`,
    );
  return { ...alert, status: TARGET[action], actor: who, updated_at: at };
}
