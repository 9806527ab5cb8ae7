/**
 * The headers every answer carries, pages and API alike (next.config.ts `headers()`).
 *
 * The Content-Security-Policy is static, so that pages Next prerenders stay prerendered: a per-request nonce
 * (the alternative, set by proxy.ts) makes every page dynamic, because the nonce must differ per answer. The
 * price is `'unsafe-inline'` in script-src, which Next's inline bootstrap scripts need without a nonce; what
 * the policy still guarantees is listed in docs/security.md ("Request guards and headers"): no script, style,
 * font or image from another origin, no plugin, no `<base>` hijack, no form posting elsewhere, no fetch to
 * another origin (what an injected script would exfiltrate with), and no framing.
 */
export function contentSecurityPolicy(development: boolean): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its debugging aids; production does not.
    "script-src": ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    // Tailwind ships a stylesheet, but React style attributes (recharts, the SVG charts, widths) are inline.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(development: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(development) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}
