import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportFile } from "./report-file.ts";
import type { ReportBody } from "./report-schemas.ts";

const body: ReportBody = {
  name: "各镇街用电",
  spec: {
    from: "energy_daily_town",
    measures: [{ field: "tce", agg: "sum" }],
    dimensions: [{ field: "town" }],
  },
  presentation: { chart: "bar", options: { stacked: true } },
};

describe("ReportFile", () => {
  it("persists every change atomically and reads it back", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "reports-")), "reports.json");
    let t = Date.UTC(2026, 2, 1);
    const file = await ReportFile.open({ path, now: () => (t += 1000) });
    const a = await file.create(body, "user:alice");
    const b = await file.create({ ...body, name: "第二个" }, "user:bob");
    await file.replace(a.id, { ...body, description: "按月" });
    await file.remove(b.id);
    const again = await ReportFile.open({ path });
    expect(again.list()).toEqual(file.list());
    expect(again.get(a.id)).toMatchObject({
      owner: "user:alice",
      description: "按月",
      version: 2,
      createdAt: "2026-03-01T00:00:01.000Z",
      updatedAt: "2026-03-01T00:00:03.000Z",
    });
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ version: 1, reports: [{ id: a.id }] });
  });

  it("refuses to open a file that is not a reports file, saying which", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "reports-")), "reports.json");
    await writeFile(path, '{"version":1,"reports":[{"id":1}]}');
    await expect(ReportFile.open({ path })).rejects.toThrow(/reports file .*reports\.json is not valid/);
  });

  it("undoes a change whose write failed", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "reports-")), "missing-dir", "reports.json");
    const file = await ReportFile.open({ path });
    await expect(file.create(body, "user:alice")).rejects.toThrow(/ENOENT/);
    expect(file.list()).toEqual([]);
  });

  it("keeps at most maxReports and refuses a replace against a stale version", async () => {
    const file = await ReportFile.open({ path: ":memory:", maxReports: 1 });
    const a = await file.create(body, "anonymous");
    await expect(file.create(body, "anonymous")).rejects.toMatchObject({ code: "too_many_reports" });
    await expect(file.replace(a.id, body, 7)).rejects.toMatchObject({ code: "version_mismatch" });
    expect((await file.replace(a.id, body, 1))?.version).toBe(2);
  });
});
