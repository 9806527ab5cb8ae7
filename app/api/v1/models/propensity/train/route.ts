import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/response";
import { propensityModelSchema } from "@/lib/propensity/schemas";
import { trainPropensityModel } from "@/lib/propensity/service";

// POST /api/v1/models/propensity/train - retrain the conversion-propensity model now and rescore every profile
export const POST = withApi({ scope: "segments:write" }, async () => {
  return json(propensityModelSchema, await trainPropensityModel());
});

export * from "@/lib/api/method-not-allowed";
