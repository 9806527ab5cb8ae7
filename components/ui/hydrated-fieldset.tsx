"use client";

import { type ReactNode, useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/** false in the server's HTML and while React hydrates it, true from then on (and at once on a client render). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * A server-rendered section of forms whose controls stay disabled until its code has hydrated: typed into
 * before then, an input's text never reached React's state (the preview's user id was lost), and a click did
 * nothing. When hydration ends only the fieldset renders again: its children are the same elements, so React
 * leaves them be.
 */
export function HydratedFieldset({ children, className }: { children: ReactNode; className?: string }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} className={`min-w-0 ${className ?? ""}`}>
      {children}
    </fieldset>
  );
}
