import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.ts";

describe("redactUrl", () => {
  it("drops the user and password of every URL in a text and leaves the rest", () => {
    expect(redactUrl("rtsp://admin:s3cret@10.0.0.7:554/Streaming/Channels/101")).toBe(
      "rtsp://10.0.0.7:554/Streaming/Channels/101",
    );
    expect(redactUrl("[rtsp @ 0x1] method DESCRIBE failed for rtsp://u@cam/x and http://a:b@h/s.jpg")).toBe(
      "[rtsp @ 0x1] method DESCRIBE failed for rtsp://cam/x and http://h/s.jpg",
    );
    expect(redactUrl("/data/video.avi")).toBe("/data/video.avi");
    expect(redactUrl("http://10.20.0.8/snapshot.jpg?user=a@b")).toBe(
      "http://10.20.0.8/snapshot.jpg?user=a@b",
    );
  });
});
