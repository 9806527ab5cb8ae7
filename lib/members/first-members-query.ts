/**
 * What the Members tab asks for when it opens; the segment page reads it on the server under the same key
 * (through listMembersQuery, which checks it). Apart from ./schemas, so the tab does not ship zod.
 */
export const firstMembersQuery = { limit: 25, sort: "-joined_at" } as const;
