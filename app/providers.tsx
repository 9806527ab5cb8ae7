"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { z } from "zod";
import { type Me, meQueryKey } from "@/components/hooks/use-me";

// In the browser, zod must not probe for `new Function` (its fast path): the Content-Security-Policy forbids
// eval, and the probe alone is logged as a violation. Set before any form parses; the server keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });

/** `me`: the visitor as the server knew it when rendering, so `useMe` has it from the first render. */
export function Providers({ children, me }: { children: ReactNode; me: Me | null }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({
      defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } },
    });
    client.setQueryData(meQueryKey, me);
    return client;
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
