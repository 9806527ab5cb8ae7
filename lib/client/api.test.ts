import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { unwrap } from "./api";
import { ApiProblem } from "./api-client";
import type { paths } from "./api-types";

/** A client whose fetch answers with the given response, so the error path runs without a server. */
function clientAnswering(response: Response) {
  return createClient<paths>({ baseUrl: "http://test.local", fetch: async () => response });
}

describe("unwrap", () => {
  it("resolves to the body of a successful answer", async () => {
    const client = clientAnswering(Response.json({ status: "ok" }));
    await expect(unwrap(client.GET("/api/v1/segments/health"))).resolves.toEqual({ status: "ok" });
  });

  it("throws ApiProblem with the fields a problem+json answer names", async () => {
    const problem = {
      title: "Validation failed",
      status: 422,
      detail: "Invalid query: email.",
      errors: [{ field: "email", location: "query", message: "Too long" }],
    };
    const client = clientAnswering(
      new Response(JSON.stringify(problem), {
        status: 422,
        headers: { "content-type": "application/problem+json" },
      }),
    );
    const error = await unwrap(client.GET("/api/v1/users", { params: { query: { email: "x" } } })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({
      status: 422,
      title: "Validation failed",
      message: "Invalid query: email.",
    });
    expect((error as ApiProblem).fieldMessage("email")).toBe("Too long");
  });

  it("throws ApiProblem with the status text when the error has no body", async () => {
    const client = clientAnswering(new Response(null, { status: 404, statusText: "Not Found" }));
    const error = await unwrap(
      client.DELETE("/api/v1/users/{user_id}", { params: { path: { user_id: "x" } } }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, title: "Not Found" });
  });
});
