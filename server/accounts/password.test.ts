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
    // Change the hash's first character: the last one carries only 2 of its 6 bits (86 base64url characters
    // for 64 bytes), so changing it can leave the decoded hash the same.
    const parts = stored.split("$");
    parts[5] = (parts[5][0] === "A" ? "B" : "A") + parts[5].slice(1);
    const mangled = parts.join("$");
    expect(await verifyPassword("s3cret-pass", mangled)).toBe(false);
    expect(await verifyPassword("s3cret-pass", "md5$abc")).toBe(false);
  });
});
