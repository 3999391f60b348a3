import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { writeFileAtomic } from "@citybrain/analytics";
import { reportSchema, type Report, type ReportBody } from "./report-schemas.ts";

/** Options of {@link ReportFile.open}. */
export interface ReportFileOptions {
  /**
   * JSON file holding every report (created on the first save), or `":memory:"`.
   * @example
   * await ReportFile.open({ path: "data/reports.json" });
   */
  readonly path: string;
  /** Most reports kept (default 10,000): the file is rewritten whole on every change. */
  readonly maxReports?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

const fileSchema = z.object({ version: z.literal(1), reports: z.array(reportSchema) });

/** Why a change was refused. */
export class ReportFileError extends Error {
  constructor(
    readonly code: "too_many_reports" | "version_mismatch",
    message: string,
  ) {
    super(message);
    this.name = "ReportFileError";
  }
}

/**
 * Saved report definitions in one JSON file. Every change rewrites the file atomically (temp file,
 * fsync, rename), one change at a time, so a crash leaves either the old or the new file. A change
 * whose write fails is undone in memory too.
 * @example
 * const reports = await ReportFile.open({ path: "data/reports.json" });
 * const r = await reports.create(body, "user:alice");
 */
export class ReportFile {
  readonly #path: string;
  readonly #max: number;
  readonly #now: () => number;
  #reports: Map<string, Report>;
  #writing: Promise<unknown> = Promise.resolve();

  private constructor(options: ReportFileOptions, reports: readonly Report[]) {
    this.#path = options.path;
    this.#max = options.maxReports ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#reports = new Map(reports.map((r) => [r.id, r]));
  }

  /** Loads the file (absent → no reports); a file that is not a valid reports file throws. */
  static async open(options: ReportFileOptions): Promise<ReportFile> {
    if (options.path === ":memory:") return new ReportFile(options, []);
    let text: string;
    try {
      text = await readFile(options.path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return new ReportFile(options, []);
      throw e;
    }
    let parsed;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch (e) {
      throw new Error(`reports file ${options.path} is not valid: ${(e as Error).message}`);
    }
    return new ReportFile(options, parsed.reports);
  }

  /** Every report, most recently changed first. */
  list(): Report[] {
    return [...this.#reports.values()].sort(
      (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id),
    );
  }

  get(id: string): Report | undefined {
    return this.#reports.get(id);
  }

  /** Saves a new report owned by `owner`. */
  create(body: ReportBody, owner: string): Promise<Report> {
    return this.#change(() => {
      if (this.#reports.size >= this.#max) {
        throw new ReportFileError("too_many_reports", `at most ${this.#max} reports; delete some first`);
      }
      const at = new Date(this.#now()).toISOString();
      const report = this.#report(randomUUID(), body, { owner, createdAt: at, updatedAt: at, version: 1 });
      this.#reports.set(report.id, report);
      return report;
    });
  }

  /**
   * Replaces a report's definition (owner and creation time stay); undefined when it is gone.
   * With `ifVersion`, refuses (`version_mismatch`) unless the report is still at that version.
   */
  replace(id: string, body: ReportBody, ifVersion?: number): Promise<Report | undefined> {
    return this.#change(() => {
      const old = this.#reports.get(id);
      if (!old) return undefined;
      if (ifVersion !== undefined && old.version !== ifVersion) {
        throw new ReportFileError(
          "version_mismatch",
          `report changed since you read it (now "v${old.version}")`,
        );
      }
      const report = this.#report(id, body, {
        owner: old.owner,
        createdAt: old.createdAt,
        updatedAt: new Date(this.#now()).toISOString(),
        version: old.version + 1,
      });
      this.#reports.set(id, report);
      return report;
    });
  }

  /** Deletes a report; false when there was none. */
  remove(id: string): Promise<boolean> {
    return this.#change(() => this.#reports.delete(id));
  }

  #report(id: string, body: ReportBody, meta: Pick<Report, "owner" | "createdAt" | "updatedAt" | "version">) {
    const presentation = { chart: body.presentation.chart, options: body.presentation.options ?? {} };
    return {
      id,
      name: body.name,
      description: body.description ?? "",
      spec: body.spec,
      presentation,
      ...meta,
    };
  }

  #change<T>(apply: () => T): Promise<T> {
    const run = this.#writing.then(async () => {
      const before = new Map(this.#reports);
      const out = apply();
      if (this.#path === ":memory:") return out;
      try {
        const file = { version: 1, reports: [...this.#reports.values()] };
        await writeFileAtomic(this.#path, `${JSON.stringify(file, null, 2)}\n`);
      } catch (e) {
        this.#reports = before;
        throw e;
      }
      return out;
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }
}
