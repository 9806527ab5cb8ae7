import { z } from "zod";
import { freeFormObject } from "@/lib/api/input-guards";
import { pageOf, paginationQuery, timestamp } from "@/lib/api/schemas";

const personaFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().max(5000).nullable(),
  attributes: freeFormObject().describe(
    'Free-form description of the persona, e.g. `{"role": "developer"}`.',
  ),
};

export const createPersonaSchema = z
  .object({
    ...personaFields,
    description: personaFields.description.default(null),
    attributes: personaFields.attributes.default({}),
  })
  .strict()
  .meta({
    id: "PersonaCreate",
    examples: [
      {
        name: "Tech-Savvy Professional",
        description: "Works in tech, follows AI and new gadgets.",
        attributes: { age_band: "25-45", channels: ["email", "video"] },
      },
    ],
  });

export const updatePersonaSchema = z
  .object(personaFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({ id: "PersonaUpdate", examples: [{ description: "Works in or around tech." }] });

export const listPersonasQuery = paginationQuery
  .extend({
    search: z.string().trim().min(1).max(100).optional().describe("Matches name or description."),
  })
  .strict();

export const personaSchema = z
  .object({
    id: z.uuid(),
    ...personaFields,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Persona" });

export const personaPageSchema = pageOf(personaSchema).meta({ id: "PersonaPage" });

export type CreatePersonaInput = z.infer<typeof createPersonaSchema>;
export type UpdatePersonaInput = z.infer<typeof updatePersonaSchema>;
export type ListPersonasQuery = z.infer<typeof listPersonasQuery>;
