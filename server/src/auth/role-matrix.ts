import { randomBytes } from "node:crypto";
import { CSRF_HEADER } from "./csrf/index.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";
import type { AuthStore } from "./store/index.ts";

/** Who the matrix calls as: nobody, each token kind (display both ways) and each user role. */
export const MATRIX_ACTORS = [
  "anonymous",
  "display",
  "display-query",
  "viewer",
  "analyst",
  "admin",
  "ingest",
] as const;
/** One caller of the matrix. */
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

/** Actors that may read (GET) what a display may read. */
export const READERS: readonly MatrixActor[] = ["display", "display-query", "viewer", "analyst", "admin"];

/** A route under test and who must get through it. */
export interface MatrixRoute {
  readonly method: string;
  /** Request path with concrete parameters, e.g. `/api/ingest/energy`. */
  readonly path: string;
  /** Actors that must get an `okStatus`; all others must get 401 (anonymous) or 403. */
  readonly allow: readonly MatrixActor[];
  /** Request body: objects are sent as JSON, strings and bytes as they are. */
  readonly body?: string | Uint8Array<ArrayBuffer> | Record<string, unknown>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses that count as "got through". Default `[200]`. */
  readonly okStatus?: readonly number[];
}

/** How an actor authenticates: headers to add and a query string to append. */
export interface MatrixCredential {
  readonly headers: Readonly<Record<string, string>>;
  readonly query?: string;
}

/** One cell of the matrix: a route called as an actor. */
export interface MatrixCell {
  readonly method: string;
  readonly path: string;
  readonly actor: MatrixActor;
  readonly expected: readonly number[];
  readonly status: number;
  readonly pass: boolean;
}

/** Anything with Hono's `request` (a Hono app). */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Creates one user per role and one display and one ingest token in `store`, logged in and ready;
 * `dispose()` removes them again.
 * @example
 * const { credentials, dispose } = await matrixActors(store, { ingestStreams: ["energy"] });
 */
export async function matrixActors(
  store: AuthStore,
  options: { ingestStreams?: readonly string[] } = {},
): Promise<{ credentials: Record<MatrixActor, MatrixCredential>; dispose: () => Promise<void> }> {
  const tag = randomBytes(4).toString("hex");
  const password = randomBytes(18).toString("base64url");
  const session = async (role: "viewer" | "analyst" | "admin"): Promise<MatrixCredential> => {
    const user = await store.addUser({ name: `matrix-${role}-${tag}`, role, password });
    const s = await store.createSession(user.name);
    return { headers: { Cookie: `${SESSION_COOKIE}=${s.id}`, [CSRF_HEADER]: s.csrfToken } };
  };
  const display = await store.issueToken({ kind: "display", label: `role matrix ${tag}` });
  const ingest = await store.issueToken({
    kind: "ingest",
    label: `role matrix ${tag}`,
    streams: options.ingestStreams ?? ["energy"],
  });
  const viewer = await session("viewer");
  const analyst = await session("analyst");
  const admin = await session("admin");
  const credentials: Record<MatrixActor, MatrixCredential> = {
    anonymous: { headers: {} },
    display: { headers: { Authorization: `Bearer ${display.token}` } },
    "display-query": { headers: {}, query: `token=${encodeURIComponent(display.token)}` },
    viewer,
    analyst,
    admin,
    ingest: { headers: { Authorization: `Bearer ${ingest.token}` } },
  };
  const dispose = async (): Promise<void> => {
    await store.revokeToken(display.info.id);
    await store.revokeToken(ingest.info.id);
    for (const role of ["viewer", "analyst", "admin"] as const) {
      await store.removeUser(`matrix-${role}-${tag}`, { allowLastAdmin: true });
    }
  };
  return { credentials, dispose };
}

function requestInit(route: MatrixRoute, cred: MatrixCredential): RequestInit {
  const headers: Record<string, string> = { ...route.headers, ...cred.headers };
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (typeof route.body === "string" || route.body instanceof Uint8Array) body = route.body;
  else if (route.body) {
    body = JSON.stringify(route.body);
    headers["Content-Type"] ??= "application/json";
  }
  return { method: route.method, headers, ...(body !== undefined ? { body } : {}) };
}

/**
 * Calls every route as every actor and reports each cell. Allowed actors must get `okStatus`;
 * refused ones exactly 401 (anonymous) or 403 (everyone else).
 * @example
 * const cells = await runRoleMatrix({ app, store, routes: [
 *   { method: "GET", path: "/api/manifest", allow: READERS },
 *   { method: "POST", path: "/api/ingest/energy", allow: ["ingest"], body: "", okStatus: [200, 400] },
 * ] });
 * assertRoleMatrix(cells);
 */
export async function runRoleMatrix(options: {
  app: RequestTarget;
  store: AuthStore;
  routes: readonly MatrixRoute[];
  ingestStreams?: readonly string[];
}): Promise<MatrixCell[]> {
  const { credentials, dispose } = await matrixActors(options.store, {
    ...(options.ingestStreams ? { ingestStreams: options.ingestStreams } : {}),
  });
  const cells: MatrixCell[] = [];
  try {
    for (const route of options.routes) {
      for (const actor of MATRIX_ACTORS) {
        const cred = credentials[actor];
        const sep = route.path.includes("?") ? "&" : "?";
        const url = cred.query ? `${route.path}${sep}${cred.query}` : route.path;
        const res = await options.app.request(url, requestInit(route, cred));
        await res.arrayBuffer(); // drain, so streamed bodies do not linger
        const expected = route.allow.includes(actor)
          ? (route.okStatus ?? [200])
          : actor === "anonymous"
            ? [401]
            : [403];
        const status = res.status;
        cells.push({
          method: route.method,
          path: route.path,
          actor,
          expected,
          status,
          pass: expected.includes(status),
        });
      }
    }
  } finally {
    await dispose();
  }
  return cells;
}

/** The matrix as a text grid: one row per route, one column per actor, `status` or `status!` when wrong. */
export function formatRoleMatrix(cells: readonly MatrixCell[]): string {
  const rows = new Map<string, MatrixCell[]>();
  for (const cell of cells) {
    const k = `${cell.method} ${cell.path}`;
    rows.set(k, [...(rows.get(k) ?? []), cell]);
  }
  const width = Math.max(10, ...[...rows.keys()].map((k) => k.length));
  const head = ["route".padEnd(width), ...MATRIX_ACTORS.map((a) => a.padStart(13))].join(" ");
  const lines = [...rows].map(([k, row]) =>
    [k.padEnd(width), ...row.map((c) => `${c.status}${c.pass ? " " : "!"}`.padStart(13))].join(" "),
  );
  return [head, ...lines].join("\n");
}

/** Throws, listing every wrong cell and the whole grid, unless every cell passed. */
export function assertRoleMatrix(cells: readonly MatrixCell[]): void {
  const wrong = cells.filter((c) => !c.pass);
  if (wrong.length === 0) return;
  const list = wrong.map(
    (c) => `  ${c.method} ${c.path} as ${c.actor}: got ${c.status}, want ${c.expected.join("|")}`,
  );
  throw new Error(
    `role matrix: ${wrong.length} wrong cell(s)\n${list.join("\n")}\n\n${formatRoleMatrix(cells)}`,
  );
}
