import { z } from "zod";
import { IDENTIFIER_PATTERN } from "./identifier.ts";

const identifier = z.string().superRefine((value, ctx) => {
  if (!IDENTIFIER_PATTERN.test(value)) {
    ctx.addIssue({
      code: "custom",
      message:
        `expected an identifier (letters, digits, _; not starting with a digit; ≤ 63 chars), ` +
        `got ${JSON.stringify(value)}`,
    });
  }
});

/** Aggregates a measure may use. */
export const AGGREGATES = ["sum", "avg", "min", "max", "count", "count_distinct"] as const;
/** Time grains a dimension may be truncated to. */
export const TIME_GRAINS = ["hour", "day", "week", "month", "quarter", "year"] as const;
/** Filter operators. */
export const FILTER_OPS = ["eq", "neq", "in", "between", "gte", "lte", "gt", "lt"] as const;
/** Period comparisons (designed for; see docs/query-spec.md). */
export const COMPARISONS = ["yoy", "mom"] as const;

const measure = z
  .object({
    field: z.union([z.literal("*"), identifier]),
    agg: z.enum(AGGREGATES),
    as: identifier.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.field === "*" && m.agg !== "count") {
      ctx.addIssue({ code: "custom", path: ["field"], message: `"*" is only allowed with agg "count"` });
    }
  });

const dimension = z
  .object({ field: identifier, grain: z.enum(TIME_GRAINS).optional(), as: identifier.optional() })
  .strict();

/** A filter value: always sent as a bound parameter, never spliced into SQL. */
const filterValue = z.union([z.string(), z.number().refine(Number.isFinite, "must be finite"), z.boolean()]);

const ARITY: Record<(typeof FILTER_OPS)[number], [min: number, max: number]> = {
  eq: [1, 1],
  neq: [1, 1],
  gte: [1, 1],
  lte: [1, 1],
  gt: [1, 1],
  lt: [1, 1],
  between: [2, 2],
  in: [1, 10_000],
};

const filter = z
  .object({ field: identifier, op: z.enum(FILTER_OPS), values: z.array(filterValue) })
  .strict()
  .superRefine((f, ctx) => {
    const [min, max] = ARITY[f.op];
    const n = f.values.length;
    if (n < min || n > max) {
      const want = min === max ? `exactly ${min}` : `${min} to ${max}`;
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: `filter on field "${f.field}": op "${f.op}" needs ${want} value(s), got ${n}`,
      });
    }
  });

const orderBy = z.object({ field: identifier, dir: z.enum(["asc", "desc"]).optional() }).strict();

/**
 * The zod schema of a {@link QuerySpec}. The server validates `/api/query` bodies with it; the
 * screen's panels declare specs of this shape.
 */
export const querySpecSchema = z
  .object({
    from: identifier,
    measures: z.array(measure).optional(),
    dimensions: z.array(dimension).optional(),
    filters: z.array(filter).optional(),
    orderBy: z.array(orderBy).optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
    compare: z.enum(COMPARISONS).optional(),
  })
  .strict();

/** One small, serialisable query: extract, measures, dimensions, filters, order, limit. */
export type QuerySpec = z.infer<typeof querySpecSchema>;
/** One aggregate in a {@link QuerySpec}. */
export type Measure = QuerySpec["measures"] extends (infer M)[] | undefined ? M : never;
/** One group-by column (optionally time-truncated) in a {@link QuerySpec}. */
export type Dimension = QuerySpec["dimensions"] extends (infer D)[] | undefined ? D : never;
/** One predicate in a {@link QuerySpec}. */
export type Filter = QuerySpec["filters"] extends (infer F)[] | undefined ? F : never;
/** A value a filter compares against. */
export type FilterValue = Filter["values"][number];
/** A time grain. */
export type TimeGrain = (typeof TIME_GRAINS)[number];
