import type { z } from "zod";
import type { ReadRole } from "../auth/roles.ts";

/**
 * Who may call a route once the app runs with auth: a read role (and everything above it),
 * `ingest` tokens, `any` authenticated principal, or `public` (no credential needed).
 */
export type RouteRole = ReadRole | "ingest" | "any" | "public";

/** One documented answer of a route. */
export interface ResponseDoc {
  readonly description: string;
  /** JSON body schema; omit for an empty or non-JSON body. */
  readonly schema?: z.ZodType;
  /** Content type of a non-JSON body (`application/vnd.apache.arrow.stream`, `text/html` …). */
  readonly contentType?: string;
}

/** A request body: one schema, offered under one or more content types. */
export interface BodyDoc {
  readonly schema: z.ZodType;
  /** Default `["application/json"]`. */
  readonly contentTypes?: readonly string[];
  /** Whether a body must be sent (default true). */
  readonly required?: boolean;
  readonly description?: string;
}

/**
 * What the OpenAPI document says about one route. Request schemas are the very zod schemas the
 * route validates with, so the document cannot drift from the code.
 */
export interface RouteDoc {
  readonly method: "get" | "post" | "put" | "delete";
  /** Path under `/api`, in Hono's syntax (`/alerts/:id`). */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly role: RouteRole;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: BodyDoc;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
}

/** The tags the document groups routes by, in order, with a line each. */
export const TAGS: readonly { readonly name: string; readonly description: string }[] = [
  { name: "extracts", description: "Versioned Arrow extracts the screens load into DuckDB-WASM" },
  { name: "reference", description: "District outline and town cells (GCJ-02)" },
  { name: "ingest", description: "Data sources post rows of a stream" },
  { name: "query", description: "Server-side queries in the shared query-spec language" },
  { name: "events", description: "Server-sent events: alerts, extract updates, KPI ticks" },
  { name: "alerts", description: "Alerts raised by rules and vision; acknowledge and close them" },
  { name: "reports", description: "Saved report definitions (a query spec plus its presentation)" },
  {
    name: "cameras",
    description: "Real-video cameras run by the vision service: health and annotated snapshots",
  },
  { name: "auth", description: "Login, sessions, first-admin setup, users and machine tokens" },
  { name: "operations", description: "Health, metrics and this documentation" },
];
