import { h } from "../../components/dom.ts";
import { createPanelFrame, type PanelFrame } from "../../components/panel-frame.ts";
import { backoffMs } from "../../data/backoff.ts";
import { HttpError, fetchBytes, fetchJson } from "../../data/fetch-data.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import {
  eventText,
  frameAgeSeconds,
  nextRotation,
  parseAlertPage,
  parseCameraList,
  shortCameraName,
  type CameraInfo,
  type CameraState,
  type RotationState,
  type VisionEvent,
} from "./camera-list.ts";

/** Timings of {@link createCameraFeedPanel}; the defaults suit a wall. */
export interface CameraFeedOptions {
  /** How often the camera list (health) is read, ms. @default 5000 */
  listEveryMs?: number;
  /** How often the shown camera's latest annotated frame is fetched, ms. @default 1000 */
  frameEveryMs?: number;
  /** How long each camera is shown on an unattended wall, ms. @default 15000 */
  rotateMs?: number;
  /** How long a camera picked by hand stays before rotation resumes, ms. @default 120000 */
  pinMs?: number;
  /** A frame older than this is marked stale, s. @default 30 */
  staleAfterS?: number;
  /** Retry after a failure (doubling up to 60 s), ms. @default 2000 */
  retryMs?: number;
  /** How long an event's snapshot stays up after a tap on the event, ms. @default 15000 */
  evidenceMs?: number;
}

/** The camera panel: a frame, and `stop()` to end its timers. */
export interface CameraFeedPanel {
  frame: PanelFrame;
  /** Resolves when the first annotated frame is on screen. */
  firstFrame: Promise<void>;
  stop(): void;
}

const STATE_KEYS: Record<CameraState, MessageKey> = {
  online: "camOnline",
  starting: "camStarting",
  offline: "camOffline",
  ended: "camEnded",
  stopped: "camStopped",
};

const snapshotUrl = (id: string): string => `/api/cameras/${encodeURIComponent(id)}/snapshot.jpg`;

/**
 * 视频AI: the real-video cameras' latest frames as the vision service annotated them (boxes,
 * track ids, counting lines, zones), refreshed every second, going round the cameras on an
 * unattended wall; a tap on a camera's chip holds it. Shows each camera's state (在线, 等待画面,
 * 离线 with the server's reason), frames per second, processing time and the frame's age. A
 * server started without vision says so instead of an error; failures retry with backoff.
 */
export function createCameraFeedPanel(i18n: I18n, options: CameraFeedOptions = {}): CameraFeedPanel {
  const listEveryMs = options.listEveryMs ?? 5000;
  const frameEveryMs = options.frameEveryMs ?? 1000;
  const rotateMs = options.rotateMs ?? 15_000;
  const pinMs = options.pinMs ?? 120_000;
  const staleAfterS = options.staleAfterS ?? 30;
  const retryMs = options.retryMs ?? 2000;
  const evidenceMs = options.evidenceMs ?? 15_000;

  const frame = createPanelFrame({
    id: "camera-feed",
    title: i18n.t("panelCameras"),
    loadingText: i18n.t("loading"),
  });
  const onlineCount = h("span", { "data-testid": "cameras-online" }, "—");
  frame.aside.append(onlineCount);
  const picture = h("div", { class: "camera-picture", "data-testid": "camera-picture" });
  const name = h("span", { class: "camera-name", "data-testid": "camera-name" });
  const badge = h("span", { class: "camera-badge", "data-testid": "camera-state" });
  const evidenceBadge = h("span", { class: "camera-evidence-badge", hidden: "" }, i18n.t("camEvidence"));
  const note = h("div", { class: "camera-note", "data-testid": "camera-note", hidden: "" });
  const meta = h("div", { class: "camera-meta", "data-testid": "camera-meta" });
  const events = h("ul", { class: "camera-events", "data-testid": "camera-events" });
  const chips = h("div", { class: "camera-chips", role: "tablist" });
  frame.body.append(
    h(
      "div",
      { class: "camera-view" },
      picture,
      h("div", { class: "camera-caption" }, badge, name, evidenceBadge),
      note,
    ),
    meta,
    events,
    chips,
  );

  let cameras: CameraInfo[] = [];
  let rotation: RotationState = { current: null, since: 0, pinnedUntil: 0 };
  let shownUrl: string | null = null;
  let stopped = false;
  let listTimer = 0;
  let frameTimer = 0;
  let listFailures = 0;
  let recent: VisionEvent[] = [];
  let chipsFor = ""; // the cameras (ids and names) the chips were built for
  /** While an event's snapshot is up (ms), the live frames wait. */
  let evidenceUntil = 0;
  let resolveFirst: () => void = () => undefined;
  const firstFrame = new Promise<void>((r) => (resolveFirst = r));

  const current = (): CameraInfo | undefined => cameras.find((c) => c.id === rotation.current);

  /**
   * Camera `next.current` from now on (a pick by hand, or the rotation): an event's snapshot
   * gives way to live frames; another camera's events and picture start over.
   */
  const switchTo = (next: RotationState): void => {
    const changed = next.current !== rotation.current;
    rotation = next;
    evidenceUntil = 0;
    if (changed) {
      recent = [];
      renderEvents();
      if (next.current) void readEvents(next.current);
    }
    scheduleFrame(0);
  };

  const chipFor = (c: CameraInfo): HTMLElement => {
    const chip = h(
      "button",
      {
        type: "button",
        role: "tab",
        class: "camera-chip",
        title: `${c.name} (${c.id})`,
        "data-camera": c.id,
      },
      h("i", { class: "camera-dot" }),
      h("span", { class: "camera-chip-name" }, shortCameraName(c.name)),
    );
    chip.addEventListener("click", () => {
      switchTo({ current: c.id, since: Date.now(), pinnedUntil: Date.now() + pinMs });
      render();
    });
    return chip;
  };

  /** Chips are built when the cameras change; each tick only marks their state and the one shown. */
  const renderChips = (): void => {
    const key = JSON.stringify(cameras.map((c) => [c.id, c.name]));
    if (key !== chipsFor) {
      chipsFor = key;
      chips.replaceChildren(...cameras.map(chipFor));
    }
    cameras.forEach((c, i) => {
      const chip = chips.children[i] as HTMLElement;
      chip.dataset.state = c.state;
      chip.setAttribute("aria-selected", String(c.id === rotation.current));
    });
  };

  const render = (): void => {
    const online = cameras.filter((c) => c.online).length;
    onlineCount.textContent = `${i18n.t("camOnline")} ${online}/${cameras.length}`;
    renderChips();
    renderCurrent();
  };

  /** The shown camera's caption, state and figures (the frame's age moves on every tick). */
  const renderCurrent = (): void => {
    const cam = current();
    if (!cam) return;
    name.textContent = cam.name;
    name.title = `${cam.name} (${cam.id})`;
    badge.textContent = i18n.t(STATE_KEYS[cam.state]);
    badge.dataset.state = cam.state;
    const parts = [`${cam.id}`, `${i18n.number(cam.fps, { digits: 1 })} ${i18n.t("camFps")}`];
    if (cam.processMs !== null) parts.push(`${i18n.t("camProcess")} ${Math.round(cam.processMs)} ms`);
    if (cam.lastFrameTimestamp !== null) {
      const age = frameAgeSeconds(cam.lastFrameTimestamp, Date.now());
      parts.push(
        `${i18n.t("camFrameAt")} ${i18n.time(cam.lastFrameTimestamp)} · ${age} ${i18n.t("camSecondsAgo")}`,
      );
      meta.dataset.stale = String(age > staleAfterS);
    } else {
      meta.dataset.stale = "false";
    }
    meta.textContent = parts.join(" · ");
    // Not online: say why over the last picture (or the empty view), in the server's words.
    const why = cam.online ? null : (cam.reason ?? i18n.t(STATE_KEYS[cam.state]));
    note.hidden = why === null;
    note.textContent = why ?? "";
    evidenceBadge.hidden = Date.now() >= evidenceUntil;
  };

  /** The shown camera's newest events; one with a snapshot shows it on a tap. */
  const renderEvents = (): void => {
    if (recent.length === 0) {
      events.replaceChildren(h("li", { class: "camera-event-none" }, i18n.t("camNoEvents")));
      return;
    }
    events.replaceChildren(
      ...recent.map((ev) => {
        const item = h(
          "li",
          {
            class: "camera-event",
            title: ev.message,
            "data-alert": ev.id,
            "data-severity": ev.severity,
            "data-evidence": ev.evidence ? "true" : "false",
          },
          h("i", { class: "camera-event-dot" }),
          h("time", {}, i18n.time(ev.ts)),
          h("span", { class: "camera-event-text" }, eventText(ev.message)),
        );
        const evidence = ev.evidence;
        if (evidence) item.addEventListener("click", () => void showEvidence(ev.id, evidence));
        return item;
      }),
    );
  };

  const readEvents = async (id: string): Promise<void> => {
    try {
      const url = `/api/alerts?source=vision&site_id=${encodeURIComponent(id)}&limit=2`;
      const found = parseAlertPage(await fetchJson(url));
      if (rotation.current !== id) return;
      // Redrawn only when they changed: a wall reads them every few seconds.
      if (JSON.stringify(found) === JSON.stringify(recent)) return;
      recent = found;
      renderEvents();
    } catch (e) {
      // The picture matters more than its events: keep what is shown, say it in the console.
      console.warn("citybrain wall: camera events", e);
    }
  };

  /** An event's snapshot in place of the live frames for evidenceMs, holding the camera. */
  const showEvidence = async (alertId: string, evidence: string): Promise<void> => {
    const id = rotation.current;
    if (!id) return;
    try {
      const bytes = await fetchBytes(`/api/${evidence}`);
      evidenceUntil = Date.now() + evidenceMs;
      rotation = {
        ...rotation,
        since: Date.now(),
        pinnedUntil: Math.max(rotation.pinnedUntil, evidenceUntil),
      };
      await showImage(id, bytes, alertId);
      renderCurrent();
      scheduleFrame(evidenceMs);
    } catch (e) {
      // Retention removed it (404): the event stays listed, no longer offering a snapshot.
      if (e instanceof HttpError && e.status === 404) {
        recent = recent.map((ev) => (ev.id === alertId ? { ...ev, evidence: null } : ev));
        renderEvents();
      } else console.warn("citybrain wall: event snapshot", e);
    }
  };

  const showImage = async (id: string, bytes: Uint8Array, alertId?: string): Promise<void> => {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }));
    const attrs: Record<string, string> = { alt: id, "data-camera": id, draggable: "false" };
    if (alertId) attrs["data-alert"] = alertId;
    const img = h("img", attrs);
    img.src = url;
    try {
      await img.decode(); // swap only a decoded picture in: no blank flash between frames
    } catch {
      URL.revokeObjectURL(url);
      throw new Error(`${id}: the snapshot is not a decodable image`);
    }
    // Dropped when the camera changed meanwhile, or when a live frame lands on an event's snapshot.
    if (stopped || rotation.current !== id || (!alertId && Date.now() < evidenceUntil)) {
      URL.revokeObjectURL(url);
      return;
    }
    picture.replaceChildren(img);
    if (shownUrl) URL.revokeObjectURL(shownUrl); // a wall runs for weeks: never keep old frames
    shownUrl = url;
    picture.dataset.camera = id;
    resolveFirst();
  };

  const scheduleFrame = (ms: number): void => {
    window.clearTimeout(frameTimer);
    if (!stopped) frameTimer = window.setTimeout(() => void fetchFrame(), ms);
  };

  const fetchFrame = async (): Promise<void> => {
    const cam = current();
    if (!cam) return; // the list read starts frames once it knows a camera
    if (Date.now() < evidenceUntil) {
      scheduleFrame(evidenceUntil - Date.now());
      return;
    }
    if (picture.dataset.camera !== cam.id) {
      picture.replaceChildren();
      picture.dataset.camera = "";
    }
    try {
      if (cam.lastFrameTimestamp !== null) await showImage(cam.id, await fetchBytes(snapshotUrl(cam.id)));
    } catch (e) {
      // 503 no_frame_yet (between restarts) and 404 (a camera just removed) are states the
      // list read shows; anything else is logged and retried on the next tick.
      if (!(e instanceof HttpError && (e.status === 503 || e.status === 404)))
        console.warn("citybrain wall: camera frame", e);
    }
    renderCurrent();
    scheduleFrame(frameEveryMs);
  };

  const readList = async (): Promise<void> => {
    let wait = listEveryMs;
    try {
      cameras = parseCameraList(await fetchJson("/api/cameras"));
      listFailures = 0;
      const next = nextRotation(rotation, cameras, Date.now(), rotateMs);
      if (next.current !== rotation.current) switchTo(next);
      else {
        rotation = next;
        if (next.current) void readEvents(next.current);
      }
      if (cameras.length === 0) {
        frame.setState("empty", i18n.t("camNone"));
        frame.root.dataset.reason = "no-cameras";
      } else {
        frame.setState("ready");
        delete frame.root.dataset.reason;
      }
      render();
    } catch (e) {
      if (e instanceof HttpError && e.code === "vision_disabled") {
        // Not a failure of the wall: this server runs without vision. Look again now and then.
        cameras = [];
        frame.setState("empty", i18n.t("camVisionOff"));
        frame.root.dataset.reason = "vision-disabled";
        onlineCount.textContent = "—";
        wait = 60_000;
      } else {
        listFailures++;
        const message = e instanceof Error ? e.message : String(e);
        if (cameras.length === 0)
          frame.setState("error", `${i18n.t("loadError")}${message}${i18n.t("retrying")}`);
        frame.root.dataset.reason = "error";
        wait = backoffMs(listFailures, retryMs);
      }
    }
    if (!stopped) listTimer = window.setTimeout(() => void readList(), wait);
  };

  // Rotation is judged on each list read (every listEveryMs).
  void readList();
  return {
    frame,
    firstFrame,
    stop() {
      stopped = true;
      window.clearTimeout(listTimer);
      window.clearTimeout(frameTimer);
      if (shownUrl) URL.revokeObjectURL(shownUrl);
      shownUrl = null;
    },
  };
}
