import { clientKey } from "./client-address";

describe("the key a client's address is counted under", () => {
  test("IPv4 as it is, IPv4-mapped IPv6 as its IPv4 address", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey(undefined)).toBe("unknown");
  });

  test("every address of one IPv6 /64 is one client; another /64 is another", () => {
    const one = clientKey("2001:db8:1:2::1");
    expect(clientKey("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(one);
    expect(clientKey("2001:0db8:0001:0002:0000:0000:0000:0009")).toBe(one);
    expect(one).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:3::1")).not.toBe(one);
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
  });
});
