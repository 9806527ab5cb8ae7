export const groupKindLabels = {
  all: "all of these",
  any: "any of these",
  not: "none of these",
} as const;
