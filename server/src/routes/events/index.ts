import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { EventHub } from "../../events/event-hub.ts";

/** Options of {@link eventRoutes}. */
export interface EventRoutesOptions {
  readonly hub: EventHub;
  /** Heartbeat period in ms (default 15 s): keeps proxies from closing idle streams. */
  readonly heartbeatMs?: number;
  /** Reconnect delay suggested to clients in ms (SSE `retry:`). */
  readonly retryMs?: number;
  /**
   * Aborted when the server shuts down: every open stream then sends a `shutdown` event with a
   * `retry:` hint and ends, so the process can exit and walls reconnect to its successor.
   */
  readonly shutdown?: AbortSignal;
}

/**
 * `GET /events`: server-sent events (alerts, extract updates, KPI ticks, heartbeats) with
 * `Last-Event-ID` resume.
 * @example
 * app.route("/api", eventRoutes({ hub }));
 */
export function eventRoutes(options: EventRoutesOptions): Hono {
  const app = new Hono();
  app.get("/events", (c) => {
    const header = c.req.header("Last-Event-ID") ?? c.req.query("lastEventId");
    const last = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      const sub = options.hub.subscribe(last);
      const heartbeatMs = options.heartbeatMs ?? 15_000;
      let timer: NodeJS.Timeout | undefined;
      const tick = () =>
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), heartbeatMs);
        });
      stream.onAbort(() => sub.close());
      const ending = new Promise<"shutdown">((resolve) => {
        if (options.shutdown?.aborted) resolve("shutdown");
        options.shutdown?.addEventListener("abort", () => resolve("shutdown"), { once: true });
      });
      await stream.writeSSE({
        event: "hello",
        data: JSON.stringify({ resumedFrom: last ?? null }),
        retry: options.retryMs ?? 3000,
      });
      try {
        while (!stream.aborted && !stream.closed) {
          // A heartbeat goes to this client only, when it has had nothing for a while.
          const events = await Promise.race([sub.next(), tick(), ending]);
          clearTimeout(timer);
          if (events === "shutdown") {
            await stream.writeSSE({ event: "shutdown", data: "{}", retry: options.retryMs ?? 3000 });
            break;
          }
          if (events === null) {
            await stream.writeSSE({
              event: "heartbeat",
              data: JSON.stringify({ at: new Date().toISOString() }),
            });
            continue;
          }
          for (const e of events)
            await stream.writeSSE({ id: String(e.id), event: e.type, data: JSON.stringify(e.data) });
        }
      } finally {
        clearTimeout(timer);
        sub.close();
      }
    });
  });
  return app;
}
