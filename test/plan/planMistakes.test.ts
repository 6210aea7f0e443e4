/**
 * Input mistakes end the plan with one message and exit 2, before anything is written; crashes keep their trace.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../plan/planCommand";

const fixtures = path.join(__dirname, "fixtures");

function io() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) },
  };
}

describe("plan: input mistakes are one message and exit 2", () => {
  it("an Output-valued argument refused when it resolves reads like a plain one", async () => {
    const run = io();
    expect(await runCli([path.join(fixtures, "output-mistake"), "--no-policy-pack"], run.io)).to.equal(2);
    expect(run.out.stderr).to.equal(
      'error: Invalid arguments for PrivateEndpointSet "clients":\n' +
        '  - workspaceId: "mlw-prod" is not an ARM resource id; give the id of a ' +
        "Microsoft.MachineLearningServices/workspaces, e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/" +
        "Microsoft.MachineLearningServices/workspaces/<name>\n",
    );
  });

  it("a stack value the program refuses: the message, and a JSON error document with --json", async () => {
    const run = io();
    expect(
      await runCli([path.join(fixtures, "refused-value"), "--no-policy-pack", "--json"], run.io),
    ).to.equal(2);
    expect(run.out.stderr).to.match(
      /^error: Invalid arguments for SecuredWorkspace "ml":\n {2}- resourceGroupName: "my rg"/,
    );
    expect(run.out.stderr.split("\n")).to.have.length(3);
    const doc = JSON.parse(run.out.stdout) as { error: string; exitCode: number };
    expect(doc.exitCode).to.equal(2);
    expect(doc.error).to.contain('resourceGroupName: "my rg" is not a valid resource group name');
  });

  it("checks output paths before the run: a missing directory, the same file twice", async () => {
    const target = path.join(fixtures, "output-mistake");
    const missing = io();
    const nowhere = path.join(os.tmpdir(), `no-such-dir-${process.pid}`, "plan.html");
    expect(await runCli([target, "--no-policy-pack", "--html", nowhere], missing.io)).to.equal(2);
    expect(missing.out.stderr).to.match(/^--html .*plan\.html: the directory .* does not exist/);
    // The run did not happen: its mistake would have been reported instead.
    expect(missing.out.stderr).not.to.contain("Invalid arguments");

    const same = io();
    const file = path.join(os.tmpdir(), `plan-${process.pid}.svg`);
    expect(await runCli([target, "--no-policy-pack", "--html", file, "--diagram", file], same.io)).to.equal(
      2,
    );
    expect(same.out.stderr).to.contain("--diagram and --html name the same file");
    expect(fs.existsSync(file)).to.equal(false);
  });
});
