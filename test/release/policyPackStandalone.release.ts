/**
 * Release check (run by .ci/run, not by `npm test`: it installs from the npm registry): the policy pack works
 * as `pulumi policy publish` ships it — its own directory, its own package.json, nothing from the repository
 * root — started through its own run-policy-pack and type-checked as the CLI does.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";

const root = path.resolve(__dirname, "../..");

describe("the policy pack as published", function () {
  this.timeout(300_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-pack-"));
    const files = execFileSync("git", ["ls-files", "policy"], { cwd: root, encoding: "utf8" }).split("\n");
    for (const file of files.filter((f) => f !== "")) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: path.join(dir, "policy"),
      stdio: "inherit",
    });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("installs, type-checks and serves its policies from its own directory", async () => {
    const packDir = path.join(dir, "policy");
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    expect(runner.startsWith(packDir), runner).to.equal(true);
    const session = await PolicyPackSession.start({ packDir });
    try {
      expect(session.info.name).to.equal("azureml-network-isolation");
      expect(session.info.policies.map((p) => p.name)).to.include.members([
        "online-endpoint-public-with-selected-ips",
        "dependency-endpoints-per-vnet",
        "private-dns-record-collision",
      ]);
      expect(session.info.policies).to.have.length(21);
    } finally {
      await session.stop();
    }
  });
});
