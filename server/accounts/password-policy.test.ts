import { randomBytes } from "node:crypto";
import { checkPassword } from "./password-policy";

const ada = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };

describe("the password policy for new passwords", () => {
  test.each([
    ["password", "it is one of the most used passwords"],
    ["password123", "it is a very common password"],
    ["12345678", "it is one of the most used passwords"],
    ["qwertyuiop", "it is one of the most used passwords"],
    ["iloveyou1", "it is a very common password"],
    ["P@ssw0rd!", "it is too close to a very common password"],
    ["zxcvbnm,./", "row of keys"],
    ["aaaaaaaaaaaa", 'it repeats a character, like "aaa"'],
    ["abcdefghijk", "sequence"],
  ])("refuses %j, saying why in words a shopper understands", (password, why) => {
    const verdict = checkPassword(password, ada);
    expect(verdict).toMatchObject({ ok: false, reason: "guessable" });
    expect(!verdict.ok && verdict.message).toMatch(/^This password is too easy to guess: /);
    expect(!verdict.ok && verdict.message).toContain(why);
    expect(!verdict.ok && verdict.message).toMatch(/Add more words or characters/);
    // Nothing a shopper can't read: no zxcvbn keys, scores or guess counts.
    expect(!verdict.ok && verdict.message).not.toMatch(/topTen|similarToCommon|score|guesses|zxcvbn/i);
  });

  test("says so when a password only swaps letters for look-alike symbols", () => {
    const verdict = checkPassword("P@ssw0rd!", ada);
    expect(!verdict.ok && verdict.message).toMatch(/look-alikes/);
  });

  test("refuses the person's own email name or full name, alone or inside a longer password", () => {
    for (const password of [
      "ada.lovelace",
      "adalovelace",
      "Ada Lovelace",
      "ada.lovelace@example.com",
      "my name is Ada Lovelace!",
      "adalovelace-rulez-1815",
    ]) {
      const verdict = checkPassword(password, ada);
      expect({ password, ok: verdict.ok }).toEqual({ password, ok: false });
      expect(!verdict.ok && verdict.message).toBe(
        "This password is too easy to guess: it contains your name or email address. Add more words or characters; a few unrelated words make a strong password.",
      );
    }
    // Someone else may use those words.
    expect(checkPassword("adalovelace-rulez-1815", { email: "grace@example.com", name: "Grace Hopper" }).ok).toBe(true);
  });

  test("counts the person's name and email as easy guesses inside a password too", () => {
    const owner = { email: "quentin.tarantino@example.com", name: "Quentin Tarantino" };
    expect(checkPassword("tarantino1963", owner).ok).toBe(false);
    expect(checkPassword("quentin1963", owner).ok).toBe(false);
  });

  test.each([
    ["a few unrelated words", "correct horse battery staple"],
    ["two less common words", "cobol forever"],
    ["a phrase with substitutions", "Tr0ub4dor&3 is not it"],
    ["16 random characters", randomBytes(12).toString("base64url")],
    ["128 random characters", randomBytes(96).toString("base64url")],
  ])("accepts a strong one: %s", (_kind, password) => {
    expect(checkPassword(password, ada)).toMatchObject({ ok: true });
  });

  test("keeps the length rule: 8 to 128 characters", () => {
    expect(checkPassword("Xk9#mQ2", ada)).toEqual({
      ok: false,
      reason: "length",
      message: "The password must be 8 to 128 characters long.",
    });
    expect(checkPassword("correct horse battery staple ".repeat(5), ada)).toMatchObject({ ok: false, reason: "length" });
    expect(checkPassword("correct horse battery staple ".repeat(4).trim(), ada)).toMatchObject({ ok: true });
  });

  test("judges the password as it is stored (NFKC): full-width letters don't disguise a common password", () => {
    expect(checkPassword("ｐａｓｓｗｏｒｄ１２３", ada)).toMatchObject({ ok: false, reason: "guessable" });
  });

  test("stays quick on the longest, most look-alike-laden passwords (it runs on the event loop)", () => {
    checkPassword("warm the dictionaries up", ada);
    for (const password of [
      "p@$$w0rd".repeat(16),
      "4@3$1!0|7+(".repeat(11).slice(0, 128),
      randomBytes(96).toString("base64").slice(0, 128),
    ]) {
      const start = process.hrtime.bigint();
      checkPassword(password, ada);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      expect({ password, slow: ms > 400 }).toEqual({ password, slow: false });
    }
  });
});
