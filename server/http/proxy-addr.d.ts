/** The part of proxy-addr (Express's own way to find req.ip) that the catalog cache's fast path uses; it ships no types. */
declare module "proxy-addr" {
  import type { IncomingMessage } from "node:http";

  /** The client's address: the socket's peer, or the nearest X-Forwarded-For hop that `trust` doesn't trust. */
  function proxyaddr(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string;
  export = proxyaddr;
}
