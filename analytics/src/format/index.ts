export { EN_SCALES, NO_VALUE, ZH_SCALES, compactParts, joinParts } from "./compact-number.ts";
export type { NumberFormatOptions, NumberParts, ScaleStep } from "./compact-number.ts";
export {
  formatClockEn,
  formatClockZh,
  formatDateTimeEn,
  formatDateTimeZh,
  formatTimeOfDay,
} from "./format-datetime.ts";
export type { DateTimeFormatOptions, TimeInput } from "./format-datetime.ts";
export { formatEn, formatEnParts, formatZh, formatZhParts } from "./format-number.ts";
