// Empty on purpose. Without a file of its own, Next.js (16.4, with the turbopack root set two folders up) takes
// the dashboard's instrumentation.ts, which migrates the dashboard's database at start: the reference page must
// start nothing but itself.
export function register() {}
