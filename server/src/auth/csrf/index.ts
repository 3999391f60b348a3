export { CSRF_HEADER, csrfProtection } from "./csrf-protection.ts";
export type { CsrfProtectionOptions } from "./csrf-protection.ts";
