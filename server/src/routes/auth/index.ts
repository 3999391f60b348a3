export { authRoutes } from "./auth-routes.ts";
export type { AuthRoutesOptions, Budget } from "./auth-routes.ts";
