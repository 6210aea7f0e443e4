// Mocha's settings for `npm test`. In CI (CI=true, as GitHub Actions and most CI systems set it) a
// focused `it.only`/`describe.only` fails the run instead of silently skipping the rest of the suite.
module.exports = {
  require: ["ts-node/register/transpile-only", "test/pulumiPromiseStacks.js"],
  // A young generation of 64 MB semi-spaces instead of V8's 16: the Pulumi SDK's short-lived promises and outputs no longer
  // survive into costly scavenges (a quarter less CPU on the programs run on the mocks).
  "node-option": ["max-semi-space-size=64"],
  extension: ["ts"],
  spec: ["test/**/*.test.ts"],
  reporter: "test/reporter.js",
  timeout: 20000,
  forbidOnly: Boolean(process.env.CI),
};
