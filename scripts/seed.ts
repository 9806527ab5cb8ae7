// `npm run db:seed`: migrates and loads the demo data into the configured database if it is empty.
// Do not run it on a PGlite folder that a running server has open.
import { closeDb, getConnection } from "@/db/client";
import { seedDemoDataIfEmpty } from "@/db/seed/demo";

const { db, driver } = await getConnection();
const seeded = await seedDemoDataIfEmpty(db);
console.log(
  seeded ? `Demo data loaded (${driver}).` : `The ${driver} database is not empty: nothing loaded.`,
);
await closeDb();
