// Types for the TypeScript callers (benchmarks, server tests) of the build check `npm start` and the browser tests use.
export function buildIfNeeded(): void;
