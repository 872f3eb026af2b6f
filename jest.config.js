/** Jest runs the API suites (real HTTP server, real SQLite file and, with TEST_MYSQL_URL, real MariaDB) and unit tests. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/server", "<rootDir>/client/src", "<rootDir>/common"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  globalSetup: "<rootDir>/tests/global-setup.ts",
  testTimeout: 60000,
};
