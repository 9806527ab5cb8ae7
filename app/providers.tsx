"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type Me, meQueryKey } from "@/components/hooks/use-me";

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
