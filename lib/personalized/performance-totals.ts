import type { FieldError } from "@/lib/api/schemas";

export interface PerformanceTotals {
  views: number;
  engagement: number;
  conversions: number;
}

export type PerformanceInput = Partial<PerformanceTotals> & { mode: "set" | "increment" };

/** The totals after the update: `set` replaces the metrics given, `increment` adds them. */
export function nextTotals(current: PerformanceTotals, input: PerformanceInput): PerformanceTotals {
  const apply = (key: keyof PerformanceTotals) => {
    const given = input[key];
    if (given === undefined) return current[key];
    return input.mode === "increment" ? current[key] + given : given;
  };
  return { views: apply("views"), engagement: apply("engagement"), conversions: apply("conversions") };
}

export function difference(after: PerformanceTotals, before: PerformanceTotals): PerformanceTotals {
  return {
    views: after.views - before.views,
    engagement: after.engagement - before.engagement,
    conversions: after.conversions - before.conversions,
  };
}

/**
 * Engagement and conversions cannot exceed views. The error names the metric the request gave:
 * with `{views: 10}` against 50 engagements, `views` is what is wrong.
 */
export function ratioErrors(totals: PerformanceTotals, input: Partial<PerformanceTotals>): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ["engagement", "conversions"] as const) {
    if (totals[key] <= totals.views) continue;
    const field = input[key] !== undefined || input.views === undefined ? key : "views";
    errors.push({
      field,
      location: "body",
      message: `${key} (${totals[key]}) would exceed views (${totals.views})`,
    });
  }
  return errors;
}
