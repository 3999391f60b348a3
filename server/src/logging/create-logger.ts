import { pino, type DestinationStream, type Level, type Logger } from "pino";
import { prettyDestination } from "./pretty-destination.ts";

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /**
   * Least severe level written (default `info`); `silent` writes nothing.
   * @example
   * createLogger({ level: process.env.CITYBRAIN_LOG_LEVEL === "debug" ? "debug" : "info" });
   */
  readonly level?: Level | "silent";
  /** One human-readable line per entry instead of JSON (for a terminal; default false). */
  readonly pretty?: boolean;
  /** Where lines go (default: stderr, which keeps stdout for the CLI's data). */
  readonly destination?: DestinationStream;
}

/**
 * The server's structured logger: JSON lines (pino) with ISO times and level names, or pretty
 * lines for people.
 * @example
 * const logger = createLogger({ level: "info", pretty: process.stderr.isTTY });
 * logger.info({ port: 8080 }, "listening");
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  // Synchronous writes: a line logged just before a crash or exit is not lost.
  const out = options.destination ?? pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.pretty ? prettyDestination(out) : out,
  );
}
