// `tsx bench/support/setup-only.ts`: creates and fills the benchmark database without measuring anything.
import { closeDb } from "@/db/client";
import { benchConfig, ensureUsers, openBenchDatabase } from "./database";

const db = await openBenchDatabase();
const result = await ensureUsers(db, benchConfig.users);
console.log(
  result.generated
    ? `Generated ${benchConfig.users} users in ${result.seconds.toFixed(1)} s`
    : "Users already there",
);
await closeDb();
