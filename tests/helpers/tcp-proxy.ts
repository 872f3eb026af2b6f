import net from "node:net";

/**
 * A TCP proxy on loopback, put between the server and its database to make the database misbehave:
 * - `freeze()` stops every byte in both directions but keeps the sockets open, and new connections are
 *   accepted and then stay silent too: what the server sees when the database hangs (a stuck disk, a paused
 *   VM) or the network to it drops. Nothing is lost: `thaw()` delivers what was held, in order, as TCP would
 *   once the network is back (a connection the server closed meanwhile reaches the database closed).
 * - `cut()` closes every connection at once, like a database restart.
 */
export class TcpProxy {
  private frozen = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer((client) => this.connect(client));

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once("error", reject);
      proxy.server.listen(0, "127.0.0.1", () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** `url` (a mysql:// URL) with its host and port replaced by the proxy's. */
  via(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(this.port);
    return proxied.toString();
  }

  freeze(): void {
    this.frozen = true;
    for (const s of this.sockets) s.pause();
  }

  thaw(): void {
    this.frozen = false;
    for (const s of this.sockets) s.resume();
  }

  /** Closes every connection, both sides; the proxy keeps accepting new ones. */
  cut(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      this.sockets.add(from);
      // Paused sockets read nothing, so neither data nor the end of the stream passes while frozen; the
      // kernel's buffers hold them. (No pipe(): a piped source resumes by itself when its destination drains.)
      if (this.frozen) from.pause();
      from.on("data", (chunk) => to.write(chunk));
      from.on("end", () => to.end());
      from.on("error", () => to.destroy());
      from.on("close", () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
