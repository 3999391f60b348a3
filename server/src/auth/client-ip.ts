import type { Context } from "hono";

/** How to find the client's address; behind a reverse proxy, read the header it sets. */
export type ClientIp = (c: Context) => string;

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * The socket's remote address under `@hono/node-server`, else `"unknown"` (e.g. `app.request()`).
 * Forwarded headers are ignored on purpose: a client can set them. Pass your own {@link ClientIp}
 * when a trusted proxy sits in front.
 * @example
 * const ip: ClientIp = (c) => c.req.header("X-Real-IP") ?? socketIp(c);
 */
export const socketIp: ClientIp = (c) => {
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
};
