import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger.ts";
import { formatPrettyLine } from "./pretty-destination.ts";
import { requestLogger } from "./request-logger.ts";

function sink() {
  const lines: string[] = [];
  return { lines, write: (s: string) => void lines.push(s) };
}

function appLogging(out: ReturnType<typeof sink>, skip?: (p: string) => boolean) {
  const app = new Hono();
  const logger = createLogger({ level: "info", destination: out });
  app.use("*", requestId(), requestLogger({ logger, ...(skip ? { skip } : {}) }));
  app.get("/api/alerts/:id", (c) => {
    c.get("logger")?.info({ alert: c.req.param("id") }, "looked up");
    return c.json({ ok: true });
  });
  app.get("/api/boom", () => {
    throw new Error("kaput");
  });
  app.get("/api/health", (c) => c.json({ live: true }));
  return app;
}

describe("logging", () => {
  it("writes one JSON line per request with id, method, route, status and duration", async () => {
    const out = sink();
    const app = appLogging(out);
    await app.request("/api/alerts/A-1?token=cbd.secret", { headers: { "X-Request-Id": "req-42" } });
    const [inner, line] = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inner).toMatchObject({ level: "info", reqId: "req-42", alert: "A-1", msg: "looked up" });
    expect(line).toMatchObject({
      level: "info",
      reqId: "req-42",
      method: "GET",
      route: "/api/alerts/:id",
      path: "/api/alerts/A-1",
      status: 200,
      msg: expect.stringMatching(/^GET \/api\/alerts\/A-1 200 [\d.]+ms$/),
    });
    expect(typeof line?.durationMs).toBe("number");
    expect(line?.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(out.lines.join("")).not.toContain("cbd.secret");
  });

  it("logs 4xx as warn, 5xx as error with the error, and skips what it is told to", async () => {
    const out = sink();
    const app = new Hono();
    app.use("*", requestId(), requestLogger({ logger: createLogger({ destination: out }) }));
    app.get("/boom", () => {
      throw new Error("kaput");
    });
    app.onError((_, c) => c.text("internal error", 500));
    await expect(app.request("/boom")).resolves.toHaveProperty("status", 500);
    await app.request("/missing");
    const [boom, missing] = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(boom).toMatchObject({ level: "error", status: 500, err: { message: "kaput", type: "Error" } });
    expect(missing).toMatchObject({ level: "warn", status: 404, route: "/*" });

    const quiet = sink();
    await appLogging(quiet, (p) => p === "/api/health").request("/api/health");
    expect(quiet.lines).toEqual([]);
  });

  it("honours the level and writes pretty lines for people", async () => {
    const out = sink();
    const logger = createLogger({ level: "warn", pretty: true, destination: out });
    logger.info("hidden");
    logger.warn({ stream: "energy", rows: 3 }, "rows quarantined");
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatch(
      /^\d{2}:\d{2}:\d{2}\.\d{3} WARN {2}rows quarantined stream=energy rows=3\n$/,
    );
    expect(formatPrettyLine('{"level":"info","time":0,"msg":"hi","a":"x y"}', false)).toBe(
      '08:00:00.000 INFO  hi a="x y"',
    );
    expect(formatPrettyLine("not json\n", false)).toBe("not json");
  });
});
