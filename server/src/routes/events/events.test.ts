import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { EventHub } from "../../events/event-hub.ts";
import { eventRoutes } from "./index.ts";

/** Reads SSE text from a response until `count` events of the wanted types arrived. */
async function readEvents(
  res: Response,
  count: number,
  types: string[],
): Promise<{ id?: string; event: string; data: string }[]> {
  const reader = res.body?.getReader();
  if (!reader) throw new Error("no body");
  const out: { id?: string; event: string; data: string }[] = [];
  let buf = "";
  while (out.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += new TextDecoder().decode(value);
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const get = (k: string) =>
        block
          .split("\n")
          .find((l) => l.startsWith(`${k}: `))
          ?.slice(k.length + 2);
      const event = get("event") ?? "message";
      if (types.includes(event)) out.push({ id: get("id"), event, data: get("data") ?? "" });
    }
  }
  await reader.cancel();
  return out;
}

describe("EventHub", () => {
  it("bounds each client's queue and counts what it dropped", async () => {
    const hub = new EventHub({ clientQueue: 3 });
    const sub = hub.subscribe();
    for (let i = 0; i < 10; i++) hub.publish("kpi", i);
    expect(sub.dropped).toBe(7);
    expect((await sub.next()).map((e) => e.data)).toEqual([7, 8, 9]);
    sub.close();
    expect(hub.clients).toBe(0);
  });

  it("replays kept history after a Last-Event-ID", async () => {
    const hub = new EventHub({ history: 5 });
    for (let i = 0; i < 8; i++) hub.publish("alert", i);
    const sub = hub.subscribe(6);
    expect((await sub.next()).map((e) => e.id)).toEqual([7, 8]);
  });
});

describe("GET /events", () => {
  it("streams published events and resumes after Last-Event-ID", async () => {
    const hub = new EventHub();
    const app = new Hono().route("/api", eventRoutes({ hub, heartbeatMs: 50 }));
    const res = await app.request("/api/events");
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    setTimeout(() => {
      hub.publish("alert", { id: "A1" });
      hub.publish("extracts-updated", { version: 2 });
    }, 20);
    const got = await readEvents(res, 3, ["alert", "extracts-updated", "heartbeat"]);
    expect(got.slice(0, 2)).toEqual([
      { id: "1", event: "alert", data: '{"id":"A1"}' },
      { id: "2", event: "extracts-updated", data: '{"version":2}' },
    ]);
    expect(got[2]?.event).toBe("heartbeat");
    const resumed = await app.request("/api/events", { headers: { "Last-Event-ID": "1" } });
    const again = await readEvents(resumed, 1, ["alert", "extracts-updated"]);
    expect(again).toEqual([{ id: "2", event: "extracts-updated", data: '{"version":2}' }]);
  });
});

describe("shutdown", () => {
  it("ends every open stream with a retry hint when the server shuts down", async () => {
    const hub = new EventHub();
    const shutdown = new AbortController();
    const app = new Hono().route(
      "/api",
      eventRoutes({ hub, heartbeatMs: 10_000, retryMs: 5000, shutdown: shutdown.signal }),
    );
    const res = await app.request("/api/events");
    setTimeout(() => shutdown.abort(), 20);
    const text = await res.text(); // resolves only because the stream ends
    expect(text).toContain("event: shutdown");
    expect(text).toContain("retry: 5000");
  });
});
