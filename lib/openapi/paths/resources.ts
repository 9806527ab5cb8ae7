import type { z } from "zod";
import type { Scope } from "@/lib/auth/scopes";
import {
  contentPageSchema,
  contentSchema,
  createContentSchema,
  listContentQuery,
  updateContentSchema,
} from "@/lib/content/schemas";
import {
  createPersonaSchema,
  listPersonasQuery,
  personaPageSchema,
  personaSchema,
  updatePersonaSchema,
} from "@/lib/personas/schemas";
import {
  bulkCreateUsersResultSchema,
  bulkCreateUsersSchema,
  createUserSchema,
  listUsersQuery,
  updateUserSchema,
  userPageSchema,
  userSchema,
} from "@/lib/users/schemas";
import type { Operation } from "../operation";

interface ResourceDocs {
  /** Path segment under /api/v1, e.g. `users`. */
  collection: string;
  /** Path parameter name, e.g. `user_id`. */
  idParam: string;
  /** Singular noun for summaries, e.g. `user`. */
  noun: string;
  /** Suffix of operation ids, e.g. `User` → `createUser`, `listUsers`. */
  name: string;
  plural: string;
  tag: string;
  create: z.ZodType;
  update: z.ZodType;
  query: z.ZodObject;
  item: z.ZodType;
  page: z.ZodType;
  createErrors: Record<number, string>;
  updateErrors: Record<number, string>;
  deleteDescription: string;
  listDescription?: string;
  readScope: Scope;
  writeScope: Scope;
}

/** The five operations every resource has: create, list, read, update (PUT and PATCH) and delete. */
function crudOperations(docs: ResourceDocs): Operation[] {
  const base = `/api/v1/${docs.collection}`;
  const itemPath = `${base}/{${docs.idParam}}`;
  const pathParams = { [docs.idParam]: `The ${docs.noun}'s id.` };
  const tags = [docs.tag];
  return [
    {
      method: "post",
      path: base,
      operationId: `create${docs.name}`,
      scope: docs.writeScope,
      summary: `Create a ${docs.noun}`,
      tags,
      body: docs.create,
      responses: { 201: { description: `The new ${docs.noun}.`, schema: docs.item }, ...docs.createErrors },
    },
    {
      method: "get",
      path: base,
      operationId: `list${docs.plural}`,
      scope: docs.readScope,
      summary: `List ${docs.collection}`,
      ...(docs.listDescription ? { description: docs.listDescription } : {}),
      tags,
      query: docs.query,
      responses: {
        200: { description: `A page of ${docs.collection}.`, schema: docs.page },
        422: "Invalid query.",
      },
    },
    {
      method: "get",
      path: itemPath,
      operationId: `get${docs.name}`,
      scope: docs.readScope,
      summary: `Get a ${docs.noun}`,
      tags,
      pathParams,
      responses: {
        200: { description: `The ${docs.noun}.`, schema: docs.item },
        404: `No such ${docs.noun}.`,
        422: `${docs.idParam} is not a UUID.`,
      },
    },
    ...(["put", "patch"] as const).map(
      (method): Operation => ({
        method,
        path: itemPath,
        operationId: `${method === "put" ? "update" : "patch"}${docs.name}`,
        scope: docs.writeScope,
        summary: `Update a ${docs.noun} (any subset of its fields)`,
        description: "PUT and PATCH behave the same: fields left out keep their values.",
        tags,
        pathParams,
        body: docs.update,
        responses: {
          200: { description: `The updated ${docs.noun}.`, schema: docs.item },
          404: `No such ${docs.noun}.`,
          ...docs.updateErrors,
        },
      }),
    ),
    {
      method: "delete",
      path: itemPath,
      operationId: `delete${docs.name}`,
      scope: docs.writeScope,
      summary: `Delete a ${docs.noun}`,
      description: docs.deleteDescription,
      tags,
      pathParams,
      responses: { 204: { description: "Deleted." }, 404: `No such ${docs.noun}.` },
    },
  ];
}

const userOperations = crudOperations({
  collection: "users",
  idParam: "user_id",
  readScope: "users:read",
  writeScope: "users:write",
  noun: "user",
  name: "User",
  plural: "Users",
  tag: "Users",
  create: createUserSchema,
  update: updateUserSchema,
  query: listUsersQuery,
  item: userSchema,
  page: userPageSchema,
  createErrors: {
    409: "The email or external_id belongs to another user (the field is named in `errors`).",
    422: "Invalid body.",
  },
  updateErrors: {
    409: "The new email or external_id belongs to another user.",
    422: "Invalid body.",
  },
  deleteDescription:
    "The user leaves every segment it belongs to first (recorded as leave events, member counts updated).",
  listDescription:
    "Profiles are stored normalised: country codes upper case (`UK` as `GB`), interests and content " +
    "preferences lower case without duplicates, emails lower case.",
});

const bulkCreateUsers: Operation = {
  method: "post",
  path: "/api/v1/users/bulk",
  operationId: "createUsersInBulk",
  scope: "users:write",
  summary: "Create up to 10,000 users at once",
  description:
    "All or nothing: one transaction. A bad item is a 422 naming `users.<index>.<field>`; an email or " +
    "external_id repeated in the request or already taken is a 409 naming each offending item.",
  tags: ["Users"],
  body: bulkCreateUsersSchema,
  responses: {
    201: { description: "The users created, in request order.", schema: bulkCreateUsersResultSchema },
    409: "Duplicate email or external_id.",
    413: "The body is larger than 32 MB.",
    422: "Invalid body, or more than 10,000 users.",
  },
};

const personaOperations = crudOperations({
  collection: "personas",
  idParam: "persona_id",
  readScope: "segments:read",
  writeScope: "segments:write",
  noun: "persona",
  name: "Persona",
  plural: "Personas",
  tag: "Personas",
  create: createPersonaSchema,
  update: updatePersonaSchema,
  query: listPersonasQuery,
  item: personaSchema,
  page: personaPageSchema,
  createErrors: { 422: "Invalid body." },
  updateErrors: { 422: "Invalid body." },
  deleteDescription:
    "The persona's segments and content are kept: their `persona_id` becomes null (foreign key ON DELETE SET NULL).",
});

const contentOperations = crudOperations({
  collection: "content",
  idParam: "content_id",
  readScope: "segments:read",
  writeScope: "content:write",
  noun: "content item",
  name: "Content",
  plural: "Content",
  tag: "Content",
  create: createContentSchema,
  update: updateContentSchema,
  query: listContentQuery,
  item: contentSchema,
  page: contentPageSchema,
  createErrors: { 422: "Invalid body, or the persona does not exist." },
  updateErrors: { 422: "Invalid body, or the persona does not exist." },
  deleteDescription:
    "Deletes the content together with every personalized content entry that uses it, and their " +
    "performance history (foreign key ON DELETE CASCADE).",
});

export const resourcesOperations: Operation[] = [
  ...userOperations,
  bulkCreateUsers,
  ...personaOperations,
  ...contentOperations,
];
