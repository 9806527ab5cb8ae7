import type { NewContent, NewPersona } from "../schema";

/** Ids the spec's usage examples use verbatim. */
export const SPEC_PERSONA_ID = "123e4567-e89b-12d3-a456-426614174000";
export const SPEC_CONTENT_ID = "456e4567-e89b-12d3-a456-426614174000";

export const WELLNESS_PERSONA_ID = "5b0d2c8e-7f41-4a6e-9c3d-2e8f1a6b4c01";
export const TRAVEL_PERSONA_ID = "5b0d2c8e-7f41-4a6e-9c3d-2e8f1a6b4c02";
export const STYLE_PERSONA_ID = "5b0d2c8e-7f41-4a6e-9c3d-2e8f1a6b4c03";

export const demoPersonas: (NewPersona & { id: string })[] = [
  {
    id: SPEC_PERSONA_ID,
    name: "Tech-Savvy Professional",
    description: "Works in or around tech, follows AI and new gadgets, buys early and reads long-form.",
    attributes: {
      age_band: "25-45",
      goals: ["stay current", "work smarter"],
      channels: ["email", "web", "video"],
    },
  },
  {
    id: WELLNESS_PERSONA_ID,
    name: "Health & Wellness Seeker",
    description:
      "Builds habits around fitness, nutrition and sleep; prefers short videos and practical plans.",
    attributes: { age_band: "18-35", goals: ["get fit", "eat better"], channels: ["video", "social"] },
  },
  {
    id: TRAVEL_PERSONA_ID,
    name: "Budget Traveler",
    description: "Plans trips around deals, travels off-season, shares photos.",
    attributes: { age_band: "21-40", goals: ["see more for less"], channels: ["web", "social"] },
  },
  {
    id: STYLE_PERSONA_ID,
    name: "Style-Conscious Shopper",
    description: "Follows trends, shops sales, responds to images and limited offers.",
    attributes: { age_band: "20-45", goals: ["look good", "find deals"], channels: ["social", "email"] },
  },
];

export const contentIds = {
  aiTrends: SPEC_CONTENT_ID,
  gadgetsVideo: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a01",
  aiBriefingEmail: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a02",
  cloudChecklist: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a03",
  mobilityVideo: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a04",
  mealPrep: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a05",
  europeOnBudget: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a06",
  portugalBeaches: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a07",
  capsuleWardrobe: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a08",
  flashSale: "8a3e6f10-2c5b-4d7e-a1f9-6b2c4e8d0a09",
} as const;

export const demoContent: (NewContent & { id: string })[] = [
  {
    id: contentIds.aiTrends,
    persona_id: SPEC_PERSONA_ID,
    title: "AI Trends 2025: What Every Tech Professional Should Know",
    body: "Agents, small models and on-device inference: the shifts that will change how teams build software.",
    content_type: "article",
    metadata: { reading_minutes: 8, author: "Priya Nair" },
  },
  {
    id: contentIds.gadgetsVideo,
    persona_id: SPEC_PERSONA_ID,
    title: "Hands-On: The Best Gadgets of the Year",
    body: "Twelve devices we used for a month, ranked.",
    content_type: "video",
    metadata: { duration_seconds: 540 },
  },
  {
    id: contentIds.aiBriefingEmail,
    persona_id: SPEC_PERSONA_ID,
    title: "Your Weekly AI Briefing",
    body: "Five stories, one tool to try and a chart worth sharing.",
    content_type: "email",
    metadata: { subject_line: "This week in AI: 5 things that matter" },
  },
  {
    id: contentIds.cloudChecklist,
    persona_id: SPEC_PERSONA_ID,
    title: "The Cloud Cost Optimisation Checklist",
    body: "Twenty checks that cut a typical bill by a fifth.",
    content_type: "article",
    metadata: { reading_minutes: 6, gated: true },
  },
  {
    id: contentIds.mobilityVideo,
    persona_id: WELLNESS_PERSONA_ID,
    title: "10-Minute Morning Mobility Routine",
    body: "No equipment, no excuses.",
    content_type: "video",
    metadata: { duration_seconds: 600 },
  },
  {
    id: contentIds.mealPrep,
    persona_id: WELLNESS_PERSONA_ID,
    title: "Meal Prep for a Busy Week",
    body: "Five dinners from one shopping list, with macros.",
    content_type: "article",
    metadata: { reading_minutes: 5 },
  },
  {
    id: contentIds.europeOnBudget,
    persona_id: TRAVEL_PERSONA_ID,
    title: "Europe on €50 a Day",
    body: "Rail passes, hostels worth booking and the cities that are cheaper than you think.",
    content_type: "article",
    metadata: { reading_minutes: 11 },
  },
  {
    id: contentIds.portugalBeaches,
    persona_id: TRAVEL_PERSONA_ID,
    title: "Hidden Beaches of the Algarve",
    body: null,
    content_type: "image",
    metadata: { images: 14 },
  },
  {
    id: contentIds.capsuleWardrobe,
    persona_id: STYLE_PERSONA_ID,
    title: "Build an Autumn Capsule Wardrobe",
    body: "Fifteen pieces, forty outfits.",
    content_type: "social",
    metadata: { network: "instagram" },
  },
  {
    id: contentIds.flashSale,
    persona_id: null,
    title: "Members-Only Flash Sale: 48 Hours",
    body: "Up to 40% off for loyal customers.",
    content_type: "email",
    metadata: { subject_line: "48 hours only: your members-only prices" },
  },
];
