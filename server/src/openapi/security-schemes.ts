import type { JsonSchema } from "./openapi-types.ts";
import type { RouteRole } from "./route-doc.ts";

type Requirement = Record<string, readonly string[]>;
const SESSION: readonly Requirement[] = [{ sessionCookie: [] }];
const READERS: readonly Requirement[] = [{ bearerToken: [] }, { tokenQuery: [] }, { sessionCookie: [] }];
/** The credentials each route role accepts, as OpenAPI security requirements. */
export const SECURITY: Readonly<Record<RouteRole, readonly Requirement[]>> = {
  public: [],
  any: READERS,
  display: READERS,
  viewer: SESSION,
  analyst: SESSION,
  admin: SESSION,
  ingest: [{ bearerToken: [] }],
};

/** How credentials are presented: bearer tokens, display tokens in the URL, session cookies. */
export const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description: "a display token (cbd.…) or an ingest token (cbi.…), issued by an admin",
  },
  tokenQuery: {
    type: "apiKey",
    in: "query",
    name: "token",
    description: "a display token in the URL, for EventSource and kiosk browsers (never an ingest token)",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "cb_session",
    description: "a person's session from POST /auth/login; unsafe methods also send X-CSRF-Token",
  },
};
