"use client";

import type { ReactNode } from "react";
import { useCan } from "@/components/hooks/use-me";
import type { Scope } from "@/lib/auth/scopes";

/** Renders its children (a write control) only for a caller whose role or key grants the scope. */
export function Can({ scope, children }: { scope: Scope; children: ReactNode }) {
  return useCan(scope) ? <>{children}</> : null;
}
