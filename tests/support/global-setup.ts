import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDb, getConnection } from "@/db/client";

// Migrating a fresh PGlite costs seconds per test file; instead, one migrated snapshot is made per
// set of migrations and every test file's in-memory database starts from it (setup-database.ts).
export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const root = path.resolve(import.meta.dirname, "../..");
  const migrations = path.join(root, "db", "migrations");
  const hash = createHash("sha256");
  for (const file of readdirSync(migrations, { recursive: true }).map(String).sort()) {
    const full = path.join(migrations, file);
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(readFileSync(full));
  }
  const template = path.join(
    root,
    ".data",
    "test-templates",
    `pglite-${hash.digest("hex").slice(0, 16)}.tar`,
  );
  if (!existsSync(template)) await writeTemplate(template);
  process.env.PGLITE_TEMPLATE = template;
}

async function writeTemplate(template: string) {
  const cacheDir = path.dirname(template);

  mkdirSync(cacheDir, { recursive: true });
  process.env.PGLITE_DATA_DIR = "memory://";
  const { db } = await getConnection();
  const client = (db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  await closeDb();
  // Written aside and renamed, so that a concurrent run never reads half a file.
  const partial = `${template}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, template);
}
