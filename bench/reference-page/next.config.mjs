// The Lighthouse bench's reference: a bare Next.js page built with the project's own Next.js and React
// (bench/support/reference-page.ts). Its modules resolve from the project's node_modules, two folders up.
import path from "node:path";

export default { turbopack: { root: path.resolve(import.meta.dirname, "../..") }, poweredByHeader: false };
