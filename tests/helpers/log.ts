import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../server/lib/logger";

/** A server log kept in memory, as the JSON lines the server writes, for tests that read the log. */
export function memoryLog(level = "info"): { logger: Logger; text(): string; lines(): Record<string, any>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const text = () => chunks.join("");
  return {
    logger,
    text,
    lines: () =>
      text()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}
