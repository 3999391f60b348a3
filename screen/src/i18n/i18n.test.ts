import { describe, expect, it } from "vitest";
import { createI18n, langFromSearch } from "./i18n.ts";
import { MESSAGES } from "./messages.ts";

describe("i18n", () => {
  it("picks English only for ?lang=en", () => {
    expect(langFromSearch("?lang=en")).toBe("en");
    expect(langFromSearch("?scene=energy&lang=en")).toBe("en");
    expect(langFromSearch("")).toBe("zh");
    expect(langFromSearch("?lang=fr")).toBe("zh");
  });

  it("has every key in both languages", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });

  it("formats numbers and clocks per language", () => {
    expect(createI18n("zh").t("title")).toBe("潼南区城市大脑 · 能源态势");
    expect(createI18n("zh").number(123456, { unit: "吨标准煤" })).toBe("12.35万吨标准煤");
    expect(createI18n("en").number(1234567, { unit: "tce" })).toBe("1.23M tce");
    expect(createI18n("zh").clock("2024-05-01T00:00:00Z")).toBe("08:00:00 星期三 2024-05-01");
  });
});
