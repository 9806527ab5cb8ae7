import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";
import { scopeSchema } from "@/lib/auth/schemas";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    scopes: z
      .array(scopeSchema)
      .min(1)
      .max(20)
      .transform((values) => [...new Set(values)])
      .describe("What the key may do; `admin` is everything."),
    expires_at: timestamp
      .nullable()
      .default(null)
      .refine((value) => value === null || Date.parse(value) > Date.now(), {
        message: "expires_at must be in the future",
      })
      .meta({
        description: "When the key stops working (any future time); null never expires.",
        examples: ["2099-12-31T23:59:59Z"],
      }),
  })
  .strict()
  .meta({
    id: "ApiKeyCreate",
    examples: [{ name: "Website personalisation", scopes: ["decide", "events:write"], expires_at: null }],
  });

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to recognise it."),
    scopes: z.array(scopeSchema),
    created_at: timestamp,
    last_used_at: timestamp.nullable(),
    expires_at: timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().describe("The key itself: shown in this answer only, never again.") })
  .meta({ id: "ApiKeyCreated" });

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) }).meta({ id: "ApiKeyList" });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
