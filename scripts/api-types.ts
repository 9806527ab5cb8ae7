// `npm run api:types`: writes the typed client's types from the OpenAPI document, no server needed.
import { writeFile } from "node:fs/promises";
import { apiTypesPath, generateApiTypes } from "@/lib/client/generate-api-types";

await writeFile(apiTypesPath, await generateApiTypes());
console.log(`Wrote ${apiTypesPath}.`);
