/** Every operator of the criteria language, in the words the builder shows. */
export const operatorLabels: Record<string, string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  not_in: "is none of",
  contains_any: "contains any of",
  contains_all: "contains all of",
  gt: "is greater than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  between: "is between",
  exists: "is set",
  not_exists: "is not set",
  within_last_days: "is within the last (days)",
};

export const allOperators = Object.keys(operatorLabels);

export const groupKindLabels = {
  all: "all of these",
  any: "any of these",
  not: "none of these",
} as const;
