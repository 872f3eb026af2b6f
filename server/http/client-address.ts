import net from "node:net";

/**
 * The key a client's address is counted under (rate limits, the sign-in throttle, the hashing gate): an
 * IPv4-mapped IPv6 address is its IPv4 address, and an IPv6 address counts as its /64 network, which one
 * subscriber or one server usually has whole (2^64 addresses to rotate through otherwise).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (net.isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  return address;
}

/** The eight groups of an IPv6 address, without zone, each as a plain hex number. */
function expandIPv6(address: string): string[] {
  const [head, tail = ""] = address.split("%")[0].toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? String(parseInt(g, 16).toString(16)) : g));
}
