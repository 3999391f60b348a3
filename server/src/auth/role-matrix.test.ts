import { describe, expect, it } from "vitest";
import {
  READERS,
  assertRoleMatrix,
  formatRoleMatrix,
  runRoleMatrix,
  type MatrixRoute,
} from "./role-matrix.ts";
import { demoApp, memoryStore } from "./test-fixtures.ts";

const ADMIN_ONLY = ["admin"] as const;

/** Every route of the demo app with who must get through it. */
const DEMO_ROUTES: readonly MatrixRoute[] = [
  { method: "GET", path: "/api/manifest", allow: READERS },
  { method: "GET", path: "/api/reports", allow: ["viewer", "analyst", "admin"] },
  { method: "POST", path: "/api/reports", allow: ["analyst", "admin"], body: { name: "能耗月报" } },
  // Names display but is a write: display tokens are read-only, so only users get through.
  { method: "POST", path: "/api/wall/ping", allow: ["viewer", "analyst", "admin"] },
  { method: "GET", path: "/api/admin/users", allow: ADMIN_ONLY },
  { method: "DELETE", path: "/api/admin/users/bob", allow: ADMIN_ONLY },
  { method: "POST", path: "/api/ingest/energy", allow: ["ingest"], body: '{"value":1}\n' },
  { method: "POST", path: "/api/ingest/traffic", allow: [], body: '{"value":1}\n' },
  { method: "POST", path: "/api/upload/energy", allow: ["ingest", "admin"] },
];

describe("role matrix", () => {
  it("gives every route × role combination exactly the expected 200, 401 or 403", async () => {
    const store = await memoryStore();
    const cells = await runRoleMatrix({ app: demoApp(store), store, routes: DEMO_ROUTES });
    expect(cells).toHaveLength(DEMO_ROUTES.length * 7);
    assertRoleMatrix(cells);
    expect(formatRoleMatrix(cells).split("\n")[2]).toMatch(/^GET \/api\/reports\s+401\s+403\s+403\s+200/);
    // The helper leaves the store as it found it.
    expect(store.listUsers()).toEqual([]);
    expect(store.listTokens().every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("fails, naming the cell, when a route lets the wrong role through", async () => {
    const store = await memoryStore();
    const wrong: MatrixRoute[] = [{ method: "POST", path: "/api/reports", allow: ["admin"] }];
    const cells = await runRoleMatrix({ app: demoApp(store), store, routes: wrong });
    expect(() => assertRoleMatrix(cells)).toThrow(/POST \/api\/reports as analyst: got 200, want 403/);
  });
});
