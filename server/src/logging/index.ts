export { createLogger } from "./create-logger.ts";
export type { CreateLoggerOptions } from "./create-logger.ts";
export { formatPrettyLine, prettyDestination } from "./pretty-destination.ts";
export { requestLogger } from "./request-logger.ts";
export type { RequestLoggerOptions } from "./request-logger.ts";
