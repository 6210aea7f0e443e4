// Mocha's settings for `npm test`. In CI (CI=true, as GitHub Actions and most CI systems set it) a
// focused `it.only`/`describe.only` fails the run instead of silently skipping the rest of the suite.
module.exports = {
  require: ["ts-node/register/transpile-only", "test/pulumiPromiseStacks.js"],
  extension: ["ts"],
  spec: ["test/**/*.test.ts"],
  reporter: "test/reporter.js",
  timeout: 20000,
  forbidOnly: Boolean(process.env.CI),
};
