import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    service: z.literal("audience-segments"),
    checked_at: timestamp,
    database: z.object({
      status: z.enum(["up", "down"]),
      // What the database is and its version help an attacker; in required mode only authenticated callers see them.
      driver: z.enum(["pglite", "postgres"]).optional(),
      latency_ms: z.number(),
      server_version: z.string().optional(),
      error: z.string().optional(),
    }),
  })
  .meta({ id: "Health" });

export type Health = z.infer<typeof healthSchema>;
