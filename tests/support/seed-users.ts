import { getDb } from "@/db/client";
import { type NewUser, type User, users } from "@/db/schema";
import { uniqueName } from "./factories";

/**
 * Inserts users straight into the database (no API round trip), each with a unique email and
 * external_id unless the overrides give them. `count` users share `overrides`; pass an array for
 * individual values.
 */
export async function seedUsers(
  spec: number | Partial<NewUser>[],
  overrides: Partial<NewUser> = {},
): Promise<User[]> {
  const items = typeof spec === "number" ? Array.from({ length: spec }, () => ({})) : spec;
  if (items.length === 0) return [];
  const values = items.map((item) => {
    const tag = uniqueName("user").replace(/\W+/g, "-").toLowerCase();
    return {
      email: `${tag}@example.com`,
      external_id: `ext-${tag}`,
      name: `User ${tag}`,
      ...overrides,
      ...item,
    };
  });
  const db = await getDb();
  const rows: User[] = [];
  // Chunks keep each INSERT under PostgreSQL's 65,535 bind parameters.
  for (let start = 0; start < values.length; start += 2_000) {
    rows.push(
      ...(await db
        .insert(users)
        .values(values.slice(start, start + 2_000))
        .returning()),
    );
  }
  return rows;
}

export async function seedUser(overrides: Partial<NewUser> = {}): Promise<User> {
  const [user] = await seedUsers([overrides]);
  return user;
}
