import { h } from "../../components/dom.ts";
import { createPanelFrame, type PanelFrame } from "../../components/panel-frame.ts";
import { HttpError, fetchBytes, fetchJson } from "../../data/fetch-data.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import {
  frameAgeSeconds,
  nextRotation,
  parseCameraList,
  shortCameraName,
  type CameraInfo,
  type CameraState,
  type RotationState,
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
  const note = h("div", { class: "camera-note", "data-testid": "camera-note", hidden: "" });
  const meta = h("div", { class: "camera-meta", "data-testid": "camera-meta" });
  const chips = h("div", { class: "camera-chips", role: "tablist" });
  frame.body.append(
    h("div", { class: "camera-view" }, picture, h("div", { class: "camera-caption" }, badge, name), note),
    meta,
    chips,
  );

  let cameras: CameraInfo[] = [];
  let rotation: RotationState = { current: null, since: 0, pinnedUntil: 0 };
  let shownUrl: string | null = null;
  let shownFor: string | null = null;
  let stopped = false;
  let listTimer = 0;
  let frameTimer = 0;
  let listFailures = 0;
  let resolveFirst: () => void = () => undefined;
  const firstFrame = new Promise<void>((r) => (resolveFirst = r));

  const current = (): CameraInfo | undefined => cameras.find((c) => c.id === rotation.current);

  const renderChips = (): void => {
    chips.replaceChildren(
      ...cameras.map((c) => {
        const chip = h(
          "button",
          {
            type: "button",
            role: "tab",
            class: "camera-chip",
            title: `${c.name} (${c.id})`,
            "data-camera": c.id,
            "data-state": c.state,
            "aria-selected": String(c.id === rotation.current),
          },
          h("i", { class: "camera-dot" }),
          h("span", { class: "camera-chip-name" }, shortCameraName(c.name)),
        );
        chip.addEventListener("click", () => {
          rotation = { current: c.id, since: Date.now(), pinnedUntil: Date.now() + pinMs };
          render();
          scheduleFrame(0);
        });
        return chip;
      }),
    );
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
  };

  const showImage = async (id: string, bytes: Uint8Array): Promise<void> => {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }));
    const img = h("img", { alt: id, "data-camera": id, draggable: "false" });
    img.src = url;
    try {
      await img.decode(); // swap only a decoded picture in: no blank flash between frames
    } catch {
      URL.revokeObjectURL(url);
      throw new Error(`${id}: the snapshot is not a decodable image`);
    }
    if (stopped || rotation.current !== id) {
      URL.revokeObjectURL(url);
      return;
    }
    picture.replaceChildren(img);
    if (shownUrl) URL.revokeObjectURL(shownUrl); // a wall runs for weeks: never keep old frames
    shownUrl = url;
    shownFor = id;
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
    if (shownFor !== cam.id) {
      picture.replaceChildren();
      picture.dataset.camera = "";
      shownFor = null;
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
      const before = rotation.current;
      rotation = nextRotation(rotation, cameras, Date.now(), rotateMs);
      if (cameras.length === 0) {
        frame.setState("empty", i18n.t("camNone"));
        frame.root.dataset.reason = "no-cameras";
      } else {
        frame.setState("ready");
        delete frame.root.dataset.reason;
      }
      render();
      if (rotation.current !== before) scheduleFrame(0);
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
        wait = Math.min(60_000, retryMs * 2 ** (listFailures - 1));
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
