export { alertRoutes } from "./alert-routes.ts";
export type { AlertRoutesOptions } from "./alert-routes.ts";
export { findAlert, listAlerts, writeAlert } from "./alert-queries.ts";
export type { AlertStore } from "./alert-queries.ts";
export {
  MAX_ALERT_PAGE,
  MAX_NOTE_LENGTH,
  alertActionBody,
  alertListQuery,
  alertPageSchema,
  alertSchema,
  alertToJson,
} from "./alert-schemas.ts";
export type { AlertJson, AlertListQuery } from "./alert-schemas.ts";
