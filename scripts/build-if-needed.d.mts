// Types for the TypeScript callers (benchmarks, server tests) of the build check `npm start` and the browser tests use.
export function buildIfNeeded(options?: {
  /** The Next.js app's folder; the project by default. */
  dir?: string;
  /** Its build folder, relative to `dir`; NEXT_DIST_DIR or ".next" by default. */
  distDir?: string;
  /** What the build is made from, relative to `dir`; the project's sources by default. */
  sources?: string[];
}): void;
