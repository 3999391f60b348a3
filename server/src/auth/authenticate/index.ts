export { authenticate } from "./authenticate.ts";
export type { AuthenticateOptions } from "./authenticate.ts";
