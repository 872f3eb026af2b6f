/** Jest runs the API suites (real HTTP server, real SQLite file and, with TEST_MYSQL_URL, real MariaDB) and unit tests. */
const swc = (tsx) => [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx, decorators: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        // The server's email templates (server/email/templates/*.tsx), as tsconfig's "jsx": "react-jsx".
        react: { runtime: "automatic" },
      },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/server", "<rootDir>/client/src", "<rootDir>/common"],
  testMatch: ["**/*.test.ts"],
  // The Galera cluster suite starts three database servers of its own: with TEST_GALERA=true (CI sets it).
  testPathIgnorePatterns: ["/node_modules/", ...(process.env.TEST_GALERA === "true" ? [] : ["<rootDir>/tests/cluster/"])],
  transform: {
    "^.+\\.ts$": swc(false),
    "^.+\\.tsx$": swc(true),
  },
  globalSetup: "<rootDir>/tests/global-setup.ts",
  testTimeout: 60000,
};
