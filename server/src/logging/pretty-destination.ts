import type { DestinationStream } from "pino";

const COLORS: Readonly<Record<string, number>> = {
  trace: 90,
  debug: 36,
  info: 32,
  warn: 33,
  error: 31,
  fatal: 35,
};
// Fields every line has, shown in the line's head rather than as key=value.
const HEAD = new Set(["level", "time", "msg", "pid", "hostname"]);

function show(v: unknown): string {
  if (typeof v === "string") return /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v) ?? String(v);
}

/**
 * Formats one pino JSON line for people: `14:05:09.123 INFO  GET /api/alerts 200 3.1ms reqId=…`.
 * Times are Asia/Shanghai, like the CLI's status lines. Lines that are not JSON pass through.
 * @example
 * formatPrettyLine('{"level":"info","time":0,"msg":"hi","a":1}', false); // "08:00:00.000 INFO  hi a=1"
 */
export function formatPrettyLine(line: string, color: boolean): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const label = String(o.level);
  const when = typeof o.time === "number" || typeof o.time === "string" ? new Date(o.time) : new Date();
  // Asia/Shanghai has no daylight saving time: a fixed +8 h shift is exact.
  const time = Number.isNaN(when.getTime())
    ? "--:--:--.---"
    : new Date(when.getTime() + 8 * 3_600_000).toISOString().slice(11, 23);
  const rest = Object.entries(o)
    .filter(([k]) => !HEAD.has(k))
    .map(([k, v]) => `${k}=${show(v)}`);
  const name = color
    ? `\x1b[${COLORS[label] ?? 0}m${label.toUpperCase().padEnd(5)}\x1b[0m`
    : label.toUpperCase().padEnd(5);
  return [time, name, typeof o.msg === "string" ? o.msg : "", ...rest].filter((s) => s !== "").join(" ");
}

/**
 * A pino destination that writes {@link formatPrettyLine} lines (no pino-pretty, no worker thread).
 * @example
 * const logger = pino({}, prettyDestination(process.stderr));
 */
export function prettyDestination(
  out: { write(text: string): unknown; isTTY?: boolean } = process.stderr,
): DestinationStream {
  const color = out.isTTY === true;
  return { write: (line: string) => void out.write(`${formatPrettyLine(line, color)}\n`) };
}
