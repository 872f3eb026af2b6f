import type { RequestHandler } from "express";
import helmet from "helmet";

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of the storefront and the admin: everything from this origin, nothing inline,
 * no framing. The hosted payment page is reached by navigation, which the policy doesn't restrict.
 */
const SHOP: Directives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  // Product pictures may be on another host (a catalog's image URLs); plain http only while the shop itself is
  // served over plain http (see securityHeaders).
  "img-src": ["'self'", "data:", "blob:", "https:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "manifest-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "frame-src": ["'none'"],
};

/**
 * The GraphQL IDE (GraphiQL with the Monaco editor) adds the styles it injects at run time and its web
 * workers; still nothing from another origin and no framing.
 */
const IDE: Directives = {
  ...SHOP,
  "style-src": ["'self'", "'unsafe-inline'"],
  "font-src": ["'self'", "data:"],
  "worker-src": ["'self'", "blob:"],
};

const serialize = (d: Directives, https: boolean) =>
  [...Object.entries(d).map(([k, v]) => `${k} ${v.join(" ")}`), ...(https ? ["upgrade-insecure-requests"] : [])].join("; ");

export interface SecurityHeaders {
  /** helmet: CSP, frame-ancestors 'none', nosniff, a referrer policy, HSTS in production, and the rest of its set. */
  all: RequestHandler;
  /** The IDE page's own policy, set on its response. */
  ideCsp: string;
}

/**
 * @param opts.production HSTS is sent in production (browsers heed it only over HTTPS).
 * @param opts.https the store is served over HTTPS (secure cookies): pages ask the browser to upgrade any http: link.
 */
export function securityHeaders(opts: { production: boolean; https: boolean }): SecurityHeaders {
  return {
    all: helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...SHOP, ...(opts.https ? { "upgrade-insecure-requests": [] } : { "img-src": [...SHOP["img-src"], "http:"] }) },
      },
      // Served over HTTPS behind the proxy in production; a browser that saw it keeps to HTTPS for a year. Not
      // for subdomains: the shop can't know that every other site of its domain has HTTPS.
      strictTransportSecurity: opts.production ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      referrerPolicy: { policy: "same-origin" },
      xFrameOptions: { action: "deny" },
    }),
    ideCsp: serialize(IDE, opts.https),
  };
}
