import { z } from "zod";

/** Segment criteria as JSON. The full criteria language lives here (see docs/criteria.md). */
export const criteriaSchema = z.record(z.string(), z.unknown());

export type Criteria = z.infer<typeof criteriaSchema>;
