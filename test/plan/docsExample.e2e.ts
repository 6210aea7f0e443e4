import { expect } from "chai";
import { execFile } from "child_process";
import * as path from "path";
import { promisify } from "util";
import type { PlanDocument } from "../../plan/plan";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "..", "..");

describe("the docs' TypeScript example, planned from a clone through npm", function () {
  this.timeout(120_000);

  it("plans without a build (its package.json main is not built) and `npm run -s` leaves stdout to the JSON", async () => {
    const { stdout } = await run(
      "npm",
      ["run", "-s", "plan", "--", "docs/examples/typescript", "--json", "--no-policy-pack"],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
    );
    const doc = JSON.parse(stdout) as PlanDocument;
    // main names bin/index.js, which tsc has not written: the language host falls back to the directory.
    expect(doc.program).to.equal(path.join(repoRoot, "docs/examples/typescript/index.ts"));
    expect(doc.counts.byType).to.include({
      "azureml-network-isolation:index:SecuredWorkspace": 1,
      "azureml-network-isolation:index:WorkspaceNetwork": 1,
      "azureml-network-isolation:index:PrivateCompute": 1,
    });
  });
});
