/** CI refuses focused tests: `.only` left in a file must fail the run, not skip the rest of the suite. */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");

describe("test harness in CI", () => {
  it("npm test's mocha config forbids .only when CI is set, and allows it locally", () => {
    const load = (ci: string | undefined) => {
      const saved = process.env.CI;
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
      try {
        const file = require.resolve(path.join(root, ".mocharc.js"));
        delete require.cache[file];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(file) as { forbidOnly?: boolean };
      } finally {
        if (saved === undefined) delete process.env.CI;
        else process.env.CI = saved;
      }
    };
    expect(load("true").forbidOnly).to.equal(true);
    expect(load(undefined).forbidOnly).to.equal(false);
  });

  it("the CI script sets CI and passes --forbid-only to the runs without the config file", () => {
    const script = fs.readFileSync(path.join(root, ".ci", "run"), "utf8");
    expect(script).to.match(/^export CI=true$/m);
    for (const run of ["test:release", "test:e2e"])
      expect(script).to.include(`npm run ${run} -- --forbid-only`);
  });
});
