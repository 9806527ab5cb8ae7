import { z } from "zod";

// In the browser, zod must not probe for `new Function` (its fast path): the Content-Security-Policy forbids
// eval, and the probe alone is logged as a violation. A client module that parses with zod imports this file
// before its schemas (tests/source/client-bundle.test.ts checks it); today none does, so zod stays off every
// page. The server keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
