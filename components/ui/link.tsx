"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * `next/link` that prefetches on intent (pointer over it, focus, touch) instead of as soon as it is in view.
 * Every page shows the nav's links and most show more (a row per segment): prefetching all of them on load
 * cost the segments list 25 background RSC requests, each processed on the main thread while the page was
 * still hydrating (Lighthouse's mobile TBT). A pointer rests on a link long enough before the click for the
 * prefetch to help; keyboard users get it on focus.
 */
export function Link({
  href,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const prefetch = () => {
    if (typeof href === "string" && href.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
