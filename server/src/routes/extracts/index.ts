export { extractRoutes } from "./extract-routes.ts";
export type { ClientManifest, ExtractRoutesOptions } from "./extract-routes.ts";
export { ManifestSource } from "./manifest-source.ts";
export type { ManifestState } from "./manifest-source.ts";
