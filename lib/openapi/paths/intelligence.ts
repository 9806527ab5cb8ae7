import { forecastQuery, forecastSchema } from "@/lib/forecast/schemas";
import { insightsQuery, insightsSchema } from "@/lib/intelligence/insight-schemas";
import {
  contentRecommendationsQuery,
  contentRecommendationsSchema,
} from "@/lib/intelligence/recommendation-schemas";
import type { Operation } from "../operation";

const segmentId = { segment_id: "The segment's id." };
const tags = ["Intelligence"];

export const intelligenceOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/forecast",
    operationId: "getSegmentForecast",
    scope: "segments:read",
    summary: "Forecast a segment's daily metric",
    description:
      "Additive Holt-Winters (weekly season and trend) fitted to the segment's complete days (the Overview's " +
      "daily series, or members at the end of each day), with 80% and 95% prediction intervals, and a backtest " +
      "on the last `horizon` days against the seasonal-naive baseline (MAPE in percent; days whose actual is 0 " +
      "are left out). Under three weeks of history: 200 with `forecast: []` and a `reason`.",
    tags,
    pathParams: segmentId,
    query: forecastQuery,
    responses: {
      200: { description: "History, forecast and backtest.", schema: forecastSchema },
      404: "No such segment.",
      422: "Invalid id, unknown metric or horizon out of bounds.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/content-recommendations",
    operationId: "getContentRecommendations",
    scope: "segments:read",
    summary: "Suggest content for a segment",
    description:
      "Content not yet used in this segment, ranked by expected engagement here: its engagement in other " +
      "segments, shrunk toward a Beta prior fitted across every segment × content, each segment's evidence " +
      "weighted by its similarity to this one (member overlap and criteria conditions). With a 95% interval " +
      "and a sentence of reason.",
    tags,
    pathParams: segmentId,
    query: contentRecommendationsQuery,
    responses: {
      200: { description: "Ranked suggestions.", schema: contentRecommendationsSchema },
      404: "No such segment.",
      422: "Invalid id or query.",
    },
  },
  {
    method: "get",
    path: "/api/v1/insights",
    operationId: "getInsights",
    scope: "segments:read",
    summary: "Cross-segment insights",
    description:
      "Segments ranked by engagement and by conversion, shrunk toward an empirical-Bayes prior across " +
      "segments (with 95% intervals); criteria conditions and profile values that go with higher engagement " +
      "(lift with a 95% interval); members offered competing personalized content by two or more segments, " +
      "and the segment pairs that cause most of it.",
    tags,
    query: insightsQuery,
    responses: {
      200: { description: "The insights.", schema: insightsSchema },
      422: "Invalid query.",
    },
  },
];
