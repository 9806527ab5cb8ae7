import { z } from "zod";
import { teamRoles } from "@/db/schema";
import { scopes } from "./scopes";

export const scopeSchema = z.enum(scopes);

/** Who the caller is, as the dashboard needs it to show or hide write controls. */
export const meSchema = z
  .object({
    mode: z.enum(["local", "required"]).describe("`local`: no credentials needed (loopback only)."),
    actor: z.object({
      type: z.enum(["local", "user", "api_key"]),
      id: z.string().nullable(),
      label: z.string().nullable(),
    }),
    role: z
      .enum(teamRoles)
      .nullable()
      .describe("The team member's role; `admin` in local mode; null for a key."),
    scopes: z.array(scopeSchema),
  })
  .meta({ id: "Me" });

export type Me = z.infer<typeof meSchema>;
