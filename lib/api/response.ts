export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function created(data: unknown, location?: string): Response {
  return json(data, 201, location ? { location } : undefined);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
