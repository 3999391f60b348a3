import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { NewSession } from "./store/index.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "cb_session";

/** Whether the client reached us over https (directly, or per the proxy's `X-Forwarded-Proto`). */
export function isHttps(c: Context): boolean {
  // Trusting the header only decides the Secure flag: a lie makes the cookie unusable, not weaker.
  const forwarded = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || new URL(c.req.url).protocol === "https:";
}

/** The session cookie's value, if the request carries one. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over https, lasting the session's hard limit. */
export function setSessionCookie(c: Context, session: NewSession): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(session.absoluteExpiresAt) - Date.now()) / 1000));
  setCookie(c, SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: "/",
    maxAge,
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c) });
}
