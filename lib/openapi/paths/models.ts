import { propensityModelSchema } from "@/lib/propensity/schemas";
import type { Operation } from "../operation";

export const modelsOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/models/propensity/train",
    operationId: "trainPropensityModel",
    scope: "segments:write",
    summary: "Retrain the conversion-propensity model and rescore every profile",
    description:
      'Fits a logistic regression of "converted on any content in the last 30 days" (a `content_conversion` ' +
      "event) on profile fields, measures its AUC on a held-out 20%, and writes every profile's " +
      "`conversion_propensity` in one statement. With too little data the answer is 200 with status " +
      "`insufficient_data` and a reason, the scores are cleared, and the field leaves the criteria catalogue. " +
      "The scheduler retrains every PROPENSITY_INTERVAL_SECONDS. See docs/intelligence.md.",
    tags: ["Models"],
    responses: {
      200: { description: "The new model, or why there is none.", schema: propensityModelSchema },
    },
  },
];
