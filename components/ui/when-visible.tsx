"use client";

import { type ReactNode, startTransition, useEffect, useRef, useState } from "react";

/**
 * Renders its children only once its box comes near the viewport, holding their height meanwhile so
 * nothing moves when they arrive. Charts use it: their code and their drawing cost nothing until seen, and
 * the first screen is useful (titles, summaries, the numbers as tables) before any chart is drawn.
 */
export function WhenVisible({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        // A transition: drawing a chart yields to the user's input instead of holding the main thread.
        startTransition(() => setVisible(true));
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} style={{ minHeight: height }}>
      {visible ? children : null}
    </div>
  );
}
