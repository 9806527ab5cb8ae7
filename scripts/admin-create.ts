// `npm run admin:create -- --email ana@example.com --password '…'`: creates the first administrator in the
// configured database when the team has no member yet (the same as ADMIN_EMAIL/ADMIN_PASSWORD at start).
// Do not run it on a PGlite folder that a running server has open: create the admin through the API instead.
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb } from "@/db/client";
import { ensureFirstAdmin } from "@/lib/team/service";

const { values } = parseArgs({
  options: { email: { type: "string" }, password: { type: "string" } },
  strict: true,
});
const parsed = z.object({ email: z.email(), password: z.string().min(8).max(128) }).safeParse(values);
if (!parsed.success) {
  console.error(
    "Usage: npm run admin:create -- --email <email> --password <8 to 128 characters>\n" +
      parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n"),
  );
  process.exit(2);
}
const createdAdmin = await ensureFirstAdmin(parsed.data.email, parsed.data.password);
console.log(
  createdAdmin
    ? `Created the administrator ${parsed.data.email}.`
    : "The team already has members: nothing created (an admin adds members under Settings → Team).",
);
await closeDb();
