import { z } from "zod";
import { loginBody, newTokenBody, newUserBody, passwordBody, setupBody } from "../routes/auth/schemas.ts";
import {
  errorSchema,
  principalSchema,
  sessionSchema,
  tokenInfoSchema,
  userSchema,
} from "./common-schemas.ts";
import type { RouteDoc } from "./route-doc.ts";

const err = (description: string) => ({ description, schema: errorSchema });
const bodyErrors = {
  400: err("a field is missing or invalid; details.field names it"),
  413: err("body too large"),
  415: err("body is not application/json"),
};
const userName = z.object({ name: z.string().describe("user name") });

/** `/auth/*`: sessions, first-admin setup, users and tokens (see docs/security.md). */
export const AUTH_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: "post",
    path: "/auth/login",
    tag: "auth",
    summary: "Log in with name and password",
    description:
      "Sets the `cb_session` cookie (HttpOnly, SameSite=Strict); unsafe requests then send `X-CSRF-Token`.",
    role: "public",
    body: { schema: loginBody },
    responses: {
      200: { description: "logged in", schema: sessionSchema },
      ...bodyErrors,
      401: err("name or password is wrong"),
      429: err("too many attempts; see Retry-After"),
    },
  },
  {
    method: "post",
    path: "/auth/logout",
    tag: "auth",
    summary: "End the session",
    role: "public",
    responses: { 200: { description: "logged out", schema: z.object({ ok: z.literal(true) }) } },
  },
  {
    method: "get",
    path: "/auth/me",
    tag: "auth",
    summary: "Who this credential belongs to",
    role: "any",
    responses: { 200: { description: "the principal", schema: principalSchema } },
  },
  {
    method: "get",
    path: "/auth/setup",
    tag: "auth",
    summary: "Whether the first admin still has to be created",
    role: "public",
    responses: { 200: { description: "setup state", schema: z.object({ needsSetup: z.boolean() }) } },
  },
  {
    method: "post",
    path: "/auth/setup",
    tag: "auth",
    summary: "Create the first admin with the one-time setup code",
    role: "public",
    body: { schema: setupBody },
    responses: {
      201: { description: "admin created and logged in", schema: sessionSchema },
      ...bodyErrors,
      403: err("the setup code is wrong or expired"),
      409: err("an admin exists already"),
      429: err("too many attempts; see Retry-After"),
    },
  },
  {
    method: "get",
    path: "/auth/users",
    tag: "auth",
    summary: "List users",
    role: "admin",
    responses: { 200: { description: "every user", schema: z.object({ users: z.array(userSchema) }) } },
  },
  {
    method: "post",
    path: "/auth/users",
    tag: "auth",
    summary: "Add a user",
    role: "admin",
    body: { schema: newUserBody },
    responses: {
      201: { description: "added", schema: z.object({ user: userSchema }) },
      ...bodyErrors,
      409: err("a user of that name exists"),
    },
  },
  {
    method: "delete",
    path: "/auth/users/:name",
    tag: "auth",
    summary: "Remove a user (ends their sessions)",
    role: "admin",
    params: userName,
    responses: {
      200: { description: "removed", schema: z.object({ user: userSchema }) },
      404: err("no such user"),
      409: err("the last admin cannot be removed"),
    },
  },
  {
    method: "post",
    path: "/auth/users/:name/password",
    tag: "auth",
    summary: "Reset a user's password (ends their sessions)",
    role: "admin",
    params: userName,
    body: { schema: passwordBody },
    responses: {
      200: { description: "changed", schema: z.object({ user: userSchema }) },
      ...bodyErrors,
      404: err("no such user"),
    },
  },
  {
    method: "get",
    path: "/auth/tokens",
    tag: "auth",
    summary: "List machine tokens (never their secrets)",
    role: "admin",
    responses: {
      200: { description: "every token", schema: z.object({ tokens: z.array(tokenInfoSchema) }) },
    },
  },
  {
    method: "post",
    path: "/auth/tokens",
    tag: "auth",
    summary: "Issue a display or ingest token (the secret is shown once)",
    role: "admin",
    body: { schema: newTokenBody },
    responses: {
      201: { description: "issued", schema: z.object({ token: z.string(), info: tokenInfoSchema }) },
      ...bodyErrors,
    },
  },
  {
    method: "delete",
    path: "/auth/tokens/:id",
    tag: "auth",
    summary: "Revoke a token",
    role: "admin",
    params: z.object({ id: z.string().describe("token id (16 hex digits)") }),
    responses: {
      200: { description: "revoked", schema: z.object({ token: tokenInfoSchema }) },
      404: err("no such token"),
    },
  },
];
