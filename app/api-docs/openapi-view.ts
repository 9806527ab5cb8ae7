import { formatInteger } from "@/components/ui/format";

/**
 * Turns the generated OpenAPI document into what the reference page shows: operations grouped by tag,
 * readable types, the fields of a request body, and a curl example built from the schemas.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface OperationView {
  method: string;
  path: string;
  operation: OpenApiOperation;
  /** Anchor id for links. */
  anchor: string;
}

export interface TagGroup {
  tag: string;
  /** The group's page: /api-docs/{slug}. */
  slug: string;
  anchor: string;
  operations: OperationView[];
}

export const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Where an operation is documented: its group's page and its anchor there. */
export const operationHref = (group: TagGroup, view: OperationView) =>
  `/api-docs/${group.slug}#${view.anchor}`;

/** Operations grouped by their first tag, tags in order of first appearance. */
export function groupByTag(doc: OpenApiDocument): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags[0] ?? "Other";
      if (!groups.has(tag))
        groups.set(tag, { tag, slug: slug(tag), anchor: `tag-${slug(tag)}`, operations: [] });
      groups
        .get(tag)
        ?.operations.push({ method, path, operation, anchor: `op-${slug(operation.operationId)}` });
    }
  }
  return [...groups.values()];
}

export function resolve(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.replace("#/components/schemas/", "");
    current = {
      ...doc.components.schemas[name],
      ...(current.description ? { description: current.description } : {}),
    };
  }
  return current;
}

/** The schema without its `null` alternative, and whether null is allowed. */
function withoutNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const rest = alternatives.filter((alt) => alt.type !== "null");
    if (rest.length < alternatives.length && rest.length === 1) {
      return {
        schema: { ...rest[0], description: schema.description ?? rest[0].description },
        nullable: true,
      };
    }
  }
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const type = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: type.length === 1 ? type[0] : type }, nullable: true };
  }
  return { schema, nullable: false };
}

function refName(schema: JsonSchema): string | undefined {
  return schema.$ref?.replace("#/components/schemas/", "");
}

/** A short human description of a schema's type: `integer, 0 to 130, or null`, `one of: low, medium, high`. */
export function describeType(input: JsonSchema, doc: OpenApiDocument): string {
  const { schema: raw, nullable } = withoutNull(input);
  const name = refName(raw);
  const schema = resolve(raw, doc);
  let text: string;
  if (schema.enum) text = `one of: ${schema.enum.map(String).join(", ")}`;
  else if (schema.const !== undefined) text = JSON.stringify(schema.const);
  else if (schema.type === "array") {
    const item = schema.prefixItems
      ? `[${schema.prefixItems.map((s) => describeType(s, doc)).join(", ")}]`
      : schema.items
        ? describeType(schema.items, doc)
        : "any";
    text = schema.prefixItems ? `tuple ${item}` : `array of ${item}`;
    if (schema.maxItems !== undefined && !schema.prefixItems)
      text += ` (at most ${formatInteger(schema.maxItems)})`;
  } else if (schema.type === "object" || schema.properties || schema.additionalProperties) {
    text = name ?? (schema.properties ? "object" : "JSON object");
  } else if (schema.anyOf || schema.oneOf) {
    text = (schema.anyOf ?? schema.oneOf ?? []).map((s) => describeType(s, doc)).join(" or ");
  } else {
    text = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
    if (schema.format) text += ` (${schema.format})`;
    const min = schema.minimum ?? schema.exclusiveMinimum;
    if (min !== undefined && schema.maximum !== undefined) text += `, ${min} to ${schema.maximum}`;
    else if (min !== undefined) text += `, ≥ ${min}`;
    else if (schema.maximum !== undefined) text += `, ≤ ${schema.maximum}`;
    if (schema.maxLength !== undefined) text += `, up to ${schema.maxLength} characters`;
  }
  return nullable ? `${text}, or null` : text;
}

export interface FieldView {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  defaultValue?: string;
}

/** The top-level fields of an object schema (a request body), with their types. */
export function listFields(input: JsonSchema, doc: OpenApiDocument): FieldView[] {
  const schema = resolve(input, doc);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const description = field.description ?? resolve(withoutNull(field).schema, doc).description;
    return {
      name,
      type: describeType(field, doc),
      required: required.has(name) && field.default === undefined,
      ...(description ? { description } : {}),
      ...(field.default !== undefined ? { defaultValue: JSON.stringify(field.default) } : {}),
    };
  });
}

const formatExamples: Record<string, unknown> = {
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  email: "ada@example.com",
  "date-time": "2025-06-01T12:00:00Z",
  date: "2025-06-01",
  uri: "https://example.com",
};

/** A plausible value for a schema: its example, default or first enum value, else one built from its type. */
export function exampleValue(input: JsonSchema, doc: OpenApiDocument, depth = 0): unknown {
  // A nullable field carries its examples beside the anyOf that withoutNull unwraps.
  if (input.examples?.length) return input.examples[0];
  const schema = resolve(withoutNull(input).schema, doc);
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length || schema.oneOf?.length) {
    return exampleValue((schema.anyOf ?? schema.oneOf ?? [])[0], doc, depth + 1);
  }
  if (schema.type === "array") {
    if (schema.prefixItems) return schema.prefixItems.map((item) => exampleValue(item, doc, depth + 1));
    return schema.items && depth < 4 ? [exampleValue(schema.items, doc, depth + 1)] : [];
  }
  if (schema.type === "object" || schema.properties) {
    if (depth >= 4) return {};
    const required = new Set(schema.required ?? []);
    const entries = Object.entries(schema.properties ?? {}).filter(
      // Nested objects show only what they need; the body itself shows every field.
      ([name]) => depth === 0 || required.has(name),
    );
    return Object.fromEntries(entries.map(([name, field]) => [name, exampleValue(field, doc, depth + 1)]));
  }
  if (schema.type === "string") {
    if (schema.format && schema.format in formatExamples) return formatExamples[schema.format];
    if (schema.pattern === "^[A-Za-z]{2}$") return "US";
    return "string".slice(0, schema.maxLength ?? 6).padEnd(schema.minLength ?? 0, "x");
  }
  if (schema.type === "integer" || schema.type === "number") {
    const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    return schema.maximum !== undefined && schema.maximum <= 1 ? schema.maximum / 2 : Math.max(min, 1);
  }
  if (schema.type === "boolean") return false;
  return null;
}

/**
 * Path parameters and required query parameters become shell variables:
 * `/segments/{segment_id}` → `/segments/$SEGMENT_ID`.
 */
export function curlExample(
  view: OperationView,
  doc: OpenApiDocument,
  baseUrl = "http://localhost:3000",
): string {
  const path = view.path.replace(/\{([^}]+)\}/g, (_, name: string) => `$${name.toUpperCase()}`);
  const required = (view.operation.parameters ?? []).filter((p) => p.in === "query" && p.required);
  const query = required.map((p) => `${p.name}=$${p.name.toUpperCase()}`).join("&");
  const lines = [`curl -X ${view.method.toUpperCase()} "${baseUrl}${path}${query ? `?${query}` : ""}"`];
  const schema = view.operation.requestBody?.content["application/json"]?.schema;
  if (schema) {
    const body = JSON.stringify(exampleValue(schema, doc), null, 2);
    lines.push(`-H "content-type: application/json"`, `-d '${body.replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n  ");
}

export function exampleBody(view: OperationView, doc: OpenApiDocument): unknown {
  const schema = view.operation.requestBody?.content["application/json"]?.schema;
  return schema ? exampleValue(schema, doc) : undefined;
}
