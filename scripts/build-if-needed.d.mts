// Types for bench/ui.bench.ts, which builds through the same check as `npm start` and the browser tests.
export function buildIfNeeded(): void;
