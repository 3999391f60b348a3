export { isSafeMethod, requireIngest, requireRole } from "./require-role.ts";
export type { RequireIngestOptions } from "./require-role.ts";
