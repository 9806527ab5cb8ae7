/** The criteria examples of the feature description (docs/spec.md, section 6), verbatim. */
export const specCriteriaExamples = {
  demographics: {
    age_range: [18, 35],
    location: ["US", "CA", "UK"],
    gender: "any",
    interests: ["fitness", "wellness", "nutrition"],
  },
  behavioral: {
    purchase_history: { min_purchases: 5, total_spent_min: 100 },
    engagement_frequency: "daily",
    content_preferences: ["videos", "images"],
  },
  engagement: {
    engagement_level: "high",
    avg_session_duration: 300,
    last_active_days: 7,
    interaction_score_min: 0.7,
  },
};
