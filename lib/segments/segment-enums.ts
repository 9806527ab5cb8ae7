// The segment's enumerations without zod (./schemas builds its schemas on them): the dashboard's filters and
// forms list them, and importing ./schemas there would ship zod to every such page.

export const segmentStrategies = ["demographic", "behavioral", "engagement", "hybrid"] as const;
export const segmentStatuses = ["active", "paused", "archived"] as const;
export const membershipModes = ["manual", "dynamic"] as const;
