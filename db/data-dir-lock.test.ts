import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

const lockFile = (dir: string) => path.join(dir, "audience-segments.lock");

describe("lockDataDir", () => {
  it("claims the folder with this process's id and releases it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "as-lock-"));
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses a folder locked by a live process, naming it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "as-lock-"));
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(lockFile(dir), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "as-lock-"));
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(lockFile(dir), gone.stdout.toString());
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    release();
  });
});
