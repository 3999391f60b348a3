import {
  formatClockEn,
  formatClockZh,
  formatDateTimeEn,
  formatDateTimeZh,
  formatEn,
  formatEnParts,
  formatTimeOfDay,
  formatZh,
  formatZhParts,
} from "@citybrain/analytics/browser";
import type { NumberFormatOptions, NumberParts, TimeInput } from "@citybrain/analytics/browser";
import { MESSAGES } from "./messages.ts";
import type { Lang, MessageKey } from "./messages.ts";

/** Labels and formatters for one language. */
export interface I18n {
  lang: Lang;
  t(key: MessageKey): string;
  number(value: number, options?: NumberFormatOptions): string;
  numberParts(value: number, options?: NumberFormatOptions): NumberParts;
  dateTime(input: TimeInput, minutes?: boolean): string;
  clock(input: TimeInput): string;
  /** `HH:mm:ss` in Asia/Shanghai (both languages). */
  time(input: TimeInput): string;
}

/** The language asked for by `?lang=en` (anything else, or nothing, is Chinese). */
export function langFromSearch(search: string): Lang {
  return new URLSearchParams(search).get("lang") === "en" ? "en" : "zh";
}

/**
 * Labels and number/time formatting for `lang`.
 *
 * @example createI18n("en").t("title") // => "Tongnan City Brain · Energy"
 */
export function createI18n(lang: Lang): I18n {
  const zh = lang === "zh";
  return {
    lang,
    t: (key) => MESSAGES[lang][key],
    number: (value, options) => (zh ? formatZh(value, options) : formatEn(value, options)),
    numberParts: (value, options) => (zh ? formatZhParts(value, options) : formatEnParts(value, options)),
    dateTime: (input, minutes = false) => (zh ? formatDateTimeZh : formatDateTimeEn)(input, { minutes }),
    clock: (input) => (zh ? formatClockZh(input) : formatClockEn(input)),
    time: formatTimeOfDay,
  };
}
