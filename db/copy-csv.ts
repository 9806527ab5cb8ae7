import "server-only";
import type { Readable } from "node:stream";
import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import { getConnection } from "./client";
import { crlfRecordEnds } from "./csv-line-ends";

/**
 * Takes one chunk of the file; resolves when the reader wants more: true, or false when the reader has gone
 * (then the rest is not wanted). Never rejects.
 */
export type CsvWrite = (chunk: Uint8Array) => Promise<boolean>;

/** Bytes of COPY's output handed on at a time: one enqueue per row would cost more than the row. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The first statement of the transaction, which takes its snapshot. The float output must be the shortest
 * round-trip text (what csvNumberSql expects, whatever the server's default). No statement timeout: the
 * COPY lasts as long as its reader takes to download, and a reader that stops is the caller's to notice
 * (its `write` answers false). The application name tells the export's session apart in pg_stat_activity.
 */
const SETTINGS = `select set_config('extra_float_digits', '1', true), set_config('statement_timeout', '0', true),
  set_config('application_name', 'csv-export', true)`;

/**
 * Writes `COPY (<select>) … (FORMAT csv)` as RFC 4180 text (CRLF record ends) to `write`, read from one
 * read-only REPEATABLE READ snapshot: first `head` (a header line), handed over once the snapshot is taken
 * (whatever commits afterwards is not in the file), then the records. `select` is SQL text, because COPY
 * takes no parameters. Rejects when the database fails; what was written before stays written, so the
 * caller must end its output as failed, not as complete.
 * - PostgreSQL: `COPY … TO STDOUT`, paced by the reader (postgres.js stops reading the socket while `write`
 *   is pending, so the server waits). When the reader has gone, the rest is read and dropped: cancelling the
 *   statement instead could cancel whatever runs next on that connection if it arrived late.
 * - PGlite: `COPY … TO '/dev/blob'`, read at once and written after the transaction: the embedded
 *   database's one connection serves every request, and a transaction paced by a slow download would stop
 *   them all.
 */
export async function snapshotCopyCsv(select: string, head: Uint8Array, write: CsvWrite): Promise<void> {
  const connection = await getConnection();
  if (connection.driver === "pglite") return pgliteCopy(connection.client, select, head, write);
  return postgresCopy(connection.client, select, head, write);
}

async function postgresCopy(client: postgres.Sql, select: string, head: Uint8Array, write: CsvWrite) {
  await client.begin("isolation level repeatable read read only", async (tx) => {
    await tx.unsafe(SETTINGS);
    if (!(await write(head))) return;
    const readable: Readable = await tx.unsafe(`copy (${select}) to stdout (format csv)`).readable();
    const toCrlf = crlfRecordEnds();
    let wanted = true;
    let batch: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of readable as AsyncIterable<Buffer>) {
        if (!wanted) continue;
        batch.push(chunk);
        size += chunk.length;
        if (size < CHUNK_BYTES) continue;
        const joined = Buffer.concat(batch, size);
        batch = [];
        size = 0;
        wanted = await write(toCrlf(joined));
      }
      if (wanted && size > 0) await write(toCrlf(Buffer.concat(batch, size)));
    } finally {
      resumeSocket(readable);
    }
  });
}

/**
 * postgres.js 3.4.9 pauses its socket when the COPY stream's buffer is full; when the end of the COPY came
 * in the same network read, nothing resumes it and the next statement (the COMMIT) waits forever
 * (porsager/postgres#1016, not released). The stream's own read hook resumes the socket; after a closed
 * connection it has no socket and throws, which is fine (the transaction fails on its own).
 */
function resumeSocket(readable: Readable) {
  try {
    (readable as unknown as { _read(size: number): void })._read(0);
  } catch {}
}

async function pgliteCopy(client: PGlite, select: string, head: Uint8Array, write: CsvWrite) {
  const blob = await client.transaction(async (tx) => {
    await tx.query("set transaction isolation level repeatable read, read only");
    await tx.query(SETTINGS);
    // Not awaited, here or below: nothing is held while the reader takes its time.
    void write(head);
    return (await tx.query(`copy (${select}) to '/dev/blob' (format csv)`)).blob;
  });
  if (blob && blob.size > 0) void write(crlfRecordEnds()(new Uint8Array(await blob.arrayBuffer())));
}
