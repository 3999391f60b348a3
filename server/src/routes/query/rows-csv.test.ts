import { describe, expect, it } from "vitest";
import { rowsToCsv } from "./rows-csv.ts";

describe("rowsToCsv", () => {
  it("quotes what needs quoting, defuses formulas in text, keeps negative numbers", () => {
    const csv = rowsToCsv(
      ["name", "note", "v"],
      [
        { name: "梓潼街道", note: 'a "quoted", multi\nline note', v: -1.5 },
        { name: '=HYPERLINK("http://x")', note: "+1", v: null },
        { name: "@SUM(A1)", note: null, v: 0 },
      ],
    );
    expect(csv).toBe(
      "\uFEFFname,note,v\r\n" +
        '梓潼街道,"a ""quoted"", multi\nline note",-1.5\r\n' +
        '"\'=HYPERLINK(""http://x"")",\'+1,\r\n' +
        "'@SUM(A1),,0\r\n",
    );
  });
});
