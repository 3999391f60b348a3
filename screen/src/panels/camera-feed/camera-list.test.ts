import { describe, expect, it } from "vitest";
import {
  eventText,
  frameAgeSeconds,
  nextRotation,
  parseAlertPage,
  parseCameraList,
  shortCameraName,
  type CameraInfo,
  type RotationState,
} from "./camera-list.ts";

const camera = (id: string, online = true): CameraInfo => ({
  id,
  name: `桂林街道·${id}路口`,
  state: online ? "online" : "offline",
  online,
  reason: online ? null : "ffmpeg exited",
  lastFrameTimestamp: online ? 1_000 : null,
  fps: online ? 2 : 0,
  processMs: null,
});

describe("parseCameraList", () => {
  it("reads the server's camera status, naming a camera by its id when it has no name", () => {
    const cams = parseCameraList({
      cameras: [
        {
          cameraId: "CAM-00822",
          name: "桂林街道·人民路与潼龙路路口-15",
          state: "online",
          online: true,
          reason: null,
          lastFrameTimestamp: 1_764_000_000_000,
          fps: 1.9,
          processMs: 71.2,
          framesReceived: 10,
        },
        { cameraId: "GATE-1", state: "starting", online: false, reason: "waiting for POST", fps: 0 },
      ],
    });
    expect(cams).toEqual([
      {
        id: "CAM-00822",
        name: "桂林街道·人民路与潼龙路路口-15",
        state: "online",
        online: true,
        reason: null,
        lastFrameTimestamp: 1_764_000_000_000,
        fps: 1.9,
        processMs: 71.2,
      },
      {
        id: "GATE-1",
        name: "GATE-1",
        state: "starting",
        online: false,
        reason: "waiting for POST",
        lastFrameTimestamp: null,
        fps: 0,
        processMs: null,
      },
    ]);
  });

  it("names the first wrong field of a body of another shape", () => {
    expect(() => parseCameraList({ items: [] })).toThrow("cameras: expected an array");
    expect(() => parseCameraList({ cameras: [{ cameraId: "A", state: "online" }, 3] })).toThrow(
      "cameras[1]: expected an object",
    );
    expect(() => parseCameraList({ cameras: [{ state: "online" }] })).toThrow(
      "cameras[0].cameraId: expected a string",
    );
    expect(() => parseCameraList({ cameras: [{ cameraId: "A", state: "up" }] })).toThrow(
      "cameras[0].state: expected one of starting, online, offline, ended, stopped",
    );
  });
});

describe("nextRotation", () => {
  const start: RotationState = { current: null, since: 0, pinnedUntil: 0 };
  const cams = [camera("A"), camera("B", false), camera("C")];

  it("starts on the first camera with frames and goes round the online ones, rotateMs each", () => {
    let s = nextRotation(start, cams, 0, 15_000);
    expect(s.current).toBe("A");
    s = nextRotation(s, cams, 14_999, 15_000);
    expect(s.current).toBe("A");
    s = nextRotation(s, cams, 15_000, 15_000);
    expect(s).toEqual({ current: "C", since: 15_000, pinnedUntil: 0 }); // B is offline: skipped
    s = nextRotation(s, cams, 30_000, 15_000);
    expect(s.current).toBe("A");
  });

  it("holds a camera picked by hand until its pin runs out, offline or not", () => {
    const pinned: RotationState = { current: "B", since: 1_000, pinnedUntil: 121_000 };
    expect(nextRotation(pinned, cams, 120_000, 15_000)).toBe(pinned);
    expect(nextRotation(pinned, cams, 121_000, 15_000).current).toBe("A");
  });

  it("replaces a camera that left the list at once, and shows offline ones when none is online", () => {
    const s: RotationState = { current: "Z", since: 10_000, pinnedUntil: 99_000 };
    expect(nextRotation(s, cams, 10_001, 15_000).current).toBe("A");
    const dark = [camera("X", false), camera("Y", false)];
    expect(nextRotation(start, dark, 0, 15_000).current).toBe("X");
    expect(nextRotation({ current: "X", since: 0, pinnedUntil: 0 }, dark, 15_000, 15_000).current).toBe("Y");
    expect(nextRotation(s, [], 0, 15_000)).toEqual({ current: null, since: 0, pinnedUntil: 0 });
  });
});

describe("camera labels", () => {
  it("shortens a name to the part after the town, and ages frames in whole seconds", () => {
    expect(shortCameraName("桂林街道·人民路与潼龙路路口-15")).toBe("人民路与潼龙路路口-15");
    expect(shortCameraName("GATE-1")).toBe("GATE-1");
    expect(shortCameraName("末尾·")).toBe("末尾·");
    expect(frameAgeSeconds(1_000, 4_999)).toBe(3);
    expect(frameAgeSeconds(5_000, 4_000)).toBe(0);
  });
});

describe("vision events", () => {
  const alert = {
    alert_id: "VIS-CAM-00822-CROWD-plaza-20261126T060030Z",
    ts: "2026-11-26T06:00:30.000Z",
    source: "vision",
    rule: "vision.crowding",
    severity: "major",
    site_id: "CAM-00822",
    message: "桂林街道·人民路与潼龙路路口-15（CAM-00822）广场步行区：人员聚集 7 人，已持续 5 秒",
    evidence: "vision-evidence/VIS-CAM-00822-CROWD-plaza-20261126T060030Z.jpg",
    status: "open",
  };

  it("reads an alerts page, keeping only evidence paths the server serves", () => {
    const [ok, odd] = parseAlertPage({
      alerts: [alert, { ...alert, alert_id: "B", evidence: "../../etc/passwd", severity: "critical" }],
      total: 2,
    });
    expect(ok).toEqual({
      id: alert.alert_id,
      ts: Date.UTC(2026, 10, 26, 6, 0, 30),
      severity: "major",
      rule: "vision.crowding",
      message: alert.message,
      evidence: alert.evidence,
      status: "open",
    });
    expect(odd?.evidence).toBeNull();
    expect(odd?.severity).toBe("critical");
  });

  it("names the first wrong field of another shape", () => {
    expect(() => parseAlertPage({ rows: [] })).toThrow("alerts: expected an array");
    expect(() => parseAlertPage({ alerts: [{ ...alert, ts: "soon" }] })).toThrow(
      "alerts[0].ts: expected an ISO-8601 time",
    );
    expect(() => parseAlertPage({ alerts: [{ ...alert, severity: "loud" }] })).toThrow(
      "alerts[0].severity: expected one of critical, major, minor, info",
    );
  });

  it("drops the camera's own name and id from a message", () => {
    expect(eventText(alert.message)).toBe("广场步行区：人员聚集 7 人，已持续 5 秒");
    expect(eventText("人民路卡口（CAM-1）入口：识别车牌 渝A·D1234（小汽车，目标 #7）")).toBe(
      "入口：识别车牌 渝A·D1234（小汽车，目标 #7）",
    );
    expect(eventText("no camera here")).toBe("no camera here");
  });
});
