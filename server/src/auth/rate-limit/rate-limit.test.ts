import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { byIp, rateLimit } from "./rate-limit.ts";
import { RateLimiter } from "./rate-limiter.ts";

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe("RateLimiter", () => {
  it("fixed window: max per window, then refusals until the window turns", () => {
    const c = clock();
    const l = new RateLimiter({ windowMs: 60_000, max: 3, now: c.now });
    expect([1, 2, 3].map(() => l.hit("a").remaining)).toEqual([2, 1, 0]);
    c.advance(20_000);
    expect(l.hit("a")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 40_000 });
    expect(l.hit("b").allowed).toBe(true);
    c.advance(40_000);
    expect(l.hit("a")).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("token bucket: bursts up to max and refills steadily", () => {
    const c = clock();
    const l = new RateLimiter({ windowMs: 1000, max: 2, algorithm: "token-bucket", now: c.now });
    expect([l.hit("k").allowed, l.hit("k").allowed, l.hit("k").allowed]).toEqual([true, true, false]);
    expect(l.check("k").retryAfterMs).toBe(500);
    c.advance(500);
    expect(l.hit("k").allowed).toBe(true);
    expect(l.hit("k").allowed).toBe(false);
    c.advance(10_000);
    expect(l.hit("k").remaining).toBe(1); // refill stops at capacity
  });

  it("check() does not count", () => {
    const l = new RateLimiter({ windowMs: 1000, max: 1 });
    expect(l.check("k").allowed).toBe(true);
    expect(l.check("k").allowed).toBe(true);
    expect(l.hit("k").allowed).toBe(true);
    expect(l.check("k").allowed).toBe(false);
  });

  it("remembers at most maxKeys, forgetting the least recently seen", () => {
    const l = new RateLimiter({ windowMs: 60_000, max: 1, maxKeys: 3 });
    for (const k of ["a", "b", "c"]) l.hit(k);
    l.hit("a"); // refused, but now most recent
    l.hit("d");
    expect(l.size).toBe(3);
    expect(l.hit("b").allowed).toBe(true); // b was forgotten
    expect(l.hit("a").allowed).toBe(false);
  });

  it("refuses nonsense options", () => {
    expect(() => new RateLimiter({ windowMs: 0, max: 1 })).toThrow(/windowMs > 0/);
  });
});

describe("rateLimit", () => {
  it("answers 429 with Retry-After in the shared error shape, per key", async () => {
    const c = clock();
    const app = new Hono();
    const key = byIp((ctx) => ctx.req.header("X-Test-IP") ?? "none");
    app.post("/login", rateLimit({ windowMs: 60_000, max: 2, key, now: c.now }), (ctx) => ctx.text("ok"));
    const from = (ip: string): Promise<Response> =>
      Promise.resolve(app.request("/login", { method: "POST", headers: { "X-Test-IP": ip } }));
    expect((await from("1.1.1.1")).headers.get("RateLimit-Remaining")).toBe("1");
    expect((await from("1.1.1.1")).status).toBe(200);
    c.advance(15_500);
    const refused = await from("1.1.1.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("45");
    expect(await refused.json()).toEqual({
      error: {
        code: "rate_limited",
        message: "too many requests; retry in 45 s",
        details: { retryAfterSeconds: 45 },
      },
    });
    expect((await from("2.2.2.2")).status).toBe(200);
  });
});
