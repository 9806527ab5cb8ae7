import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { readJson } from "./request";

const schema = z.object({ name: z.string() });

function post(body: BodyInit): Request {
  return new Request("http://localhost/x", { method: "POST", body });
}

/** A body arriving in several chunks, as a large upload does. */
function chunked(parts: Uint8Array[]): Request {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
}

describe("readJson", () => {
  it("decodes UTF-8 split across chunks, inside a character too", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "é ✓ 🐘 ".repeat(1000) }));
    const parts = [bytes.subarray(0, 7), bytes.subarray(7, 4001), bytes.subarray(4001)];
    expect(await readJson(chunked(parts), schema)).toEqual({ name: "é ✓ 🐘 ".repeat(1000) });
  });

  it("drops a leading byte order mark and reads invalid bytes as U+FFFD, as TextDecoder does", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"name":"a')]);
    const tail = new Uint8Array([0xff, ...new TextEncoder().encode('b"}')]);
    expect(await readJson(chunked([bom, tail]), schema)).toEqual({ name: "a\uFFFDb" });
    expect(await readJson(post('\uFEFF{"name":"x"}'), schema)).toEqual({ name: "x" });
  });

  it("answers 400 for a body that is not JSON and 413 past the limit", async () => {
    await expect(readJson(post("{"), schema)).rejects.toMatchObject({ code: "invalid_json" });
    const error = await readJson(post(JSON.stringify({ name: "x".repeat(100) })), schema, {
      maxBytes: 50,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("payload_too_large");
  });
});
