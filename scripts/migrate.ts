// `npm run db:migrate`: applies db/migrations to the configured database (DATABASE_URL, or PGlite in
// PGLITE_DATA_DIR). The server does the same at start; this is for preparing a database ahead of it.
import { closeDb, getConnection } from "@/db/client";

const { driver } = await getConnection();
console.log(`Migrations applied (${driver}).`);
await closeDb();
