export { reportRoutes } from "./report-routes.ts";
export type { ReportRoutesOptions } from "./report-routes.ts";
export { ReportFile, ReportFileError } from "./report-file.ts";
export type { ReportFileOptions } from "./report-file.ts";
export {
  CHART_TYPES,
  MAX_OPTIONS_DEPTH,
  presentationSchema,
  reportBody,
  reportListSchema,
  reportSchema,
} from "./report-schemas.ts";
export type { Report, ReportBody } from "./report-schemas.ts";
