import { describe, it } from "vitest";
import {
  assertRoleMatrix,
  runRoleMatrix,
  type MatrixActor,
  type MatrixRoute,
} from "../../auth/role-matrix.ts";
import { authApp } from "./test-fixtures.ts";

const EVERYONE: MatrixActor[] = ["display", "display-query", "viewer", "analyst", "admin", "ingest"];

// The auth routes themselves, run through the same matrix the lead runs over the whole app.
const ROUTES: MatrixRoute[] = [
  { method: "GET", path: "/api/auth/me", allow: EVERYONE },
  { method: "GET", path: "/api/auth/users", allow: ["admin"] },
  {
    method: "POST",
    path: "/api/auth/users",
    allow: ["admin"],
    body: { name: "new.user", role: "viewer", password: "a long enough one" },
    okStatus: [201],
  },
  {
    method: "POST",
    path: "/api/auth/users/nobody/password",
    allow: ["admin"],
    body: { password: "x" },
    okStatus: [400],
  },
  { method: "DELETE", path: "/api/auth/users/nobody", allow: ["admin"], okStatus: [404] },
  { method: "GET", path: "/api/auth/tokens", allow: ["admin"] },
  {
    method: "POST",
    path: "/api/auth/tokens",
    allow: ["admin"],
    body: { kind: "display", label: "w" },
    okStatus: [201],
  },
  { method: "DELETE", path: "/api/auth/tokens/ffffffffffffffff", allow: ["admin"], okStatus: [404] },
];

describe("auth routes × roles", () => {
  it("admits exactly the intended principals", async () => {
    const { app, store } = await authApp();
    assertRoleMatrix(await runRoleMatrix({ app, store, routes: ROUTES }));
  });
});
