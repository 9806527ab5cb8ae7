/**
 * What the segment page's Content & A/B tab asks for when it opens (its hooks), and the page reads on the
 * server under the same query keys. Apart from the schemas, so the hooks do not ship zod.
 */
export const contentTabQueries = {
  /** Every arm of the segment: the tab lists them all. */
  personalizedContent: { limit: 500 },
  contentRecommendations: { limit: 5 },
} as const;
