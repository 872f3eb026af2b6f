import { OWASP_SCRYPT_LOG_N, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  test("uses scrypt at OWASP's parameters by default (N=2^17, r=8, p=1) with a random salt", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(OWASP_SCRYPT_LOG_N).toBe(17);
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b);
  });

  test("verifies the right password and refuses a wrong or mangled one", async () => {
    const stored = await hashPassword("s3cret-pass", 12);
    expect(await verifyPassword("s3cret-pass", stored)).toBe(true);
    expect(await verifyPassword("s3cret-Pass", stored)).toBe(false);
    const mangled = stored.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await verifyPassword("s3cret-pass", mangled)).toBe(false);
    expect(await verifyPassword("s3cret-pass", "md5$abc")).toBe(false);
  });
});
