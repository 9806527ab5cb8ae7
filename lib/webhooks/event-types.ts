// Without zod (./schemas builds its schemas on it): the dashboard's webhook form lists the event types, and
// importing ./schemas there would ship zod to the page.
export const webhookEventTypes = ["segment.member_joined", "segment.member_left", "segment.updated"] as const;
