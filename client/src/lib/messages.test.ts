import { count, fieldMessages, problemMessage } from "./messages";

describe("the message catalogue", () => {
  test("counts say one and many right", () => {
    expect(count(1, "order")).toBe("1 order");
    expect(count(3, "order")).toBe("3 orders");
    expect(count(1, "problem")).toBe("1 problem");
  });

  test("a rate limit says how long to wait in words, from retryAfterSeconds, not the server's text", () => {
    const server = { code: "RATE_LIMITED", message: "Too many sign-in attempts. Try again in 15 minute(s)." };
    expect(problemMessage({ ...server, retryAfterSeconds: 900 })).toBe(
      "Too many tries from your connection. Please wait 15 minutes and try again.",
    );
    expect(problemMessage({ ...server, retryAfterSeconds: 1 })).toBe(
      "Too many tries from your connection. Please wait 1 second and try again.",
    );
    expect(problemMessage(server)).not.toMatch(/\(s\)/);
  });

  test("an unexpected server error is never shown as the server said it", () => {
    expect(problemMessage({ code: "INTERNAL_SERVER_ERROR", message: "Internal server error" })).toBe(
      "Something went wrong on our side. Please try again.",
    );
  });

  test("a field's own words: 'Your name' reads 'Enter your name.'", () => {
    expect(fieldMessages.required("Your name")).toBe("Enter your name.");
    expect(fieldMessages.required("Email")).toBe("Enter your email.");
  });
});
