import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll } from "vitest";
import { closeDb } from "@/db/client";

// Every test file gets a database of its own: a fresh in-memory PGlite by default, or, when
// DATABASE_URL names a PostgreSQL server, a new database on it that is dropped afterwards.
// Files can then run in parallel and set up their own data without seeing each other's.

const serverUrl = process.env.TEST_SERVER_DATABASE_URL ?? process.env.DATABASE_URL;

if (serverUrl) {
  process.env.TEST_SERVER_DATABASE_URL = serverUrl;
  const name = `as_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    await closeDb();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
} else {
  process.env.PGLITE_DATA_DIR = "memory://";
  afterAll(async () => {
    await closeDb();
  });
}
