import type { DecisionReason } from "@/components/hooks/use-decide";

/** What each assignment reason of decide means, in the words a marketer would use. */
export const reasonText: Record<DecisionReason, string> = {
  new: "New: not exposed yet, so the arm comes from the user's bucket and the current split.",
  sticky: "Sticky: the arm stored at the user's first exposure; it never changes mid-test.",
  winner: "Winner: the experiment was promoted, so every user sees this arm.",
  only_variant: "Only variant: the segment has a single arm.",
  bandit: "Bandit: not exposed yet, so the arm comes from the bandit's current split.",
};
