import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts and committed; db/client.ts applies them on first use
// (`npm run db:migrate` runs scripts/migrate.ts to apply them alone).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
