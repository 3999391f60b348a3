/** A camera state as `GET /api/cameras` reports it. */
export type CameraState = "starting" | "online" | "offline" | "ended" | "stopped";

const STATES: readonly CameraState[] = ["starting", "online", "offline", "ended", "stopped"];

/** What the camera panel shows of one real-video camera (a slice of the server's camera status). */
export interface CameraInfo {
  readonly id: string;
  /** Display name, e.g. "桂林街道·人民路与潼龙路路口-15". */
  readonly name: string;
  readonly state: CameraState;
  readonly online: boolean;
  /** Why it is not online, in the server's words. */
  readonly reason: string | null;
  /** Capture time of the latest processed frame, epoch ms. */
  readonly lastFrameTimestamp: number | null;
  /** Frames processed per second (last 10 s). */
  readonly fps: number;
  /** Median ms from frame to counts and events. */
  readonly processMs: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const numberOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The cameras of a `GET /api/cameras` answer, checked: a body of another shape fails with a
 * message naming the first wrong field (e.g. `cameras[2].cameraId: expected a string`).
 */
export function parseCameraList(body: unknown): CameraInfo[] {
  if (!isObject(body) || !Array.isArray(body.cameras)) throw new Error("cameras: expected an array");
  return body.cameras.map((raw: unknown, i): CameraInfo => {
    const at = `cameras[${i}]`;
    if (!isObject(raw)) throw new Error(`${at}: expected an object`);
    if (typeof raw.cameraId !== "string" || raw.cameraId === "")
      throw new Error(`${at}.cameraId: expected a string`);
    if (!STATES.includes(raw.state as CameraState))
      throw new Error(`${at}.state: expected one of ${STATES.join(", ")}`);
    return {
      id: raw.cameraId,
      name: typeof raw.name === "string" && raw.name !== "" ? raw.name : raw.cameraId,
      state: raw.state as CameraState,
      online: raw.online === true,
      reason: typeof raw.reason === "string" ? raw.reason : null,
      lastFrameTimestamp: numberOrNull(raw.lastFrameTimestamp),
      fps: numberOrNull(raw.fps) ?? 0,
      processMs: numberOrNull(raw.processMs),
    };
  });
}

/** The part of a camera's name after the town ("桂林街道·人民路与潼龙路路口-15" → "人民路与潼龙路路口-15"). */
export function shortCameraName(name: string): string {
  const dot = name.indexOf("·");
  return dot >= 0 && dot < name.length - 1 ? name.slice(dot + 1) : name;
}

/** What the panel does next: which camera it shows, and until when a pick by hand holds. */
export interface RotationState {
  /** Id of the camera shown, or null before any is known. */
  readonly current: string | null;
  /** When the camera shown last changed, ms. */
  readonly since: number;
  /** A camera picked by hand stays until then (ms); rotation resumes after. */
  readonly pinnedUntil: number;
}

/**
 * The camera to show at `now`: an unattended wall goes round the cameras that have frames
 * (online first; all when none is), `rotateMs` each; a camera picked by hand stays until
 * `pinnedUntil`; a camera that vanished from the list is replaced at once.
 */
export function nextRotation(
  state: RotationState,
  cameras: readonly CameraInfo[],
  now: number,
  rotateMs: number,
): RotationState {
  if (cameras.length === 0) return { current: null, since: now, pinnedUntil: 0 };
  const known = cameras.some((c) => c.id === state.current);
  if (known && now < state.pinnedUntil) return state;
  if (known && now - state.since < rotateMs) return state;
  const live = cameras.filter((c) => c.online);
  const pool = live.length > 0 ? live : cameras;
  const at = pool.findIndex((c) => c.id === state.current);
  // From the current camera to the next in the pool (the first when it is not in it).
  const next = pool[(at + 1) % pool.length] ?? pool[0];
  const id = next?.id ?? null;
  return { current: id, since: now, pinnedUntil: 0 };
}

/** Whole seconds from a frame's capture time to `now` (0 for frames stamped ahead of the clock). */
export function frameAgeSeconds(lastFrameTimestamp: number, now: number): number {
  return Math.max(0, Math.floor((now - lastFrameTimestamp) / 1000));
}

/** Alert severities, most urgent first. */
export type Severity = "critical" | "major" | "minor" | "info";
const SEVERITIES: readonly Severity[] = ["critical", "major", "minor", "info"];

/** A vision event as `GET /api/alerts?source=vision` lists it (what the panel shows of it). */
export interface VisionEvent {
  readonly id: string;
  /** When the condition began, epoch ms. */
  readonly ts: number;
  readonly severity: Severity;
  /** e.g. `vision.crowding`. */
  readonly rule: string;
  /** The server's zh-CN message, e.g. `…广场：人员聚集 12 人，已持续 30 秒`. */
  readonly message: string;
  /** Path of the evidence snapshot under `/api/` (`vision-evidence/….jpg`), or null. */
  readonly evidence: string | null;
  readonly status: string;
}

/**
 * The alerts of a `GET /api/alerts` page, checked: a body of another shape fails with a message
 * naming the first wrong field (e.g. `alerts[0].ts: expected an ISO-8601 time`).
 */
export function parseAlertPage(body: unknown): VisionEvent[] {
  if (!isObject(body) || !Array.isArray(body.alerts)) throw new Error("alerts: expected an array");
  return body.alerts.map((raw: unknown, i): VisionEvent => {
    const at = `alerts[${i}]`;
    if (!isObject(raw)) throw new Error(`${at}: expected an object`);
    const ts = typeof raw.ts === "string" ? Date.parse(raw.ts) : Number.NaN;
    if (typeof raw.alert_id !== "string") throw new Error(`${at}.alert_id: expected a string`);
    if (!Number.isFinite(ts)) throw new Error(`${at}.ts: expected an ISO-8601 time`);
    if (!SEVERITIES.includes(raw.severity as Severity))
      throw new Error(`${at}.severity: expected one of ${SEVERITIES.join(", ")}`);
    return {
      id: raw.alert_id,
      ts,
      severity: raw.severity as Severity,
      rule: typeof raw.rule === "string" ? raw.rule : "",
      message: typeof raw.message === "string" ? raw.message : "",
      // Only the evidence paths the server serves: nothing else is ever fetched from an alert.
      evidence:
        typeof raw.evidence === "string" && /^vision-evidence\/[\w.-]+\.jpg$/.test(raw.evidence)
          ? raw.evidence
          : null,
      status: typeof raw.status === "string" ? raw.status : "open",
    };
  });
}

/** An event's message without the camera's own name and id, which the panel already shows. */
export function eventText(message: string): string {
  const cut = message.indexOf("）");
  return cut >= 0 && cut < message.length - 1 ? message.slice(cut + 1) : message;
}
