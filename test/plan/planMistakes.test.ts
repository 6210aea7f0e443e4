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

  it("a program that throws ends the plan at once, though what it registered waits on a value it never set", async () => {
    const run = io();
    const started = Date.now();
    expect(
      await runCli([path.join(fixtures, "refused-after-deferred"), "--no-policy-pack"], run.io),
    ).to.equal(2);
    expect(run.out.stderr).to.equal(
      'error: Invalid arguments for WorkspaceNetwork "net":\n' +
        "  - sets.hub.endpointSubnetPrefix: 10.9.1.0/24: not inside the address space 10.1.0.0/16\n",
    );
    expect(Date.now() - started).to.be.below(15_000);
  });

  it("a property nested deeper than Pulumi's SDK can serialise is the program's mistake, named once", async () => {
    const run = io();
    expect(await runCli([path.join(fixtures, "deep-props"), "--no-policy-pack"], run.io)).to.equal(2);
    expect(run.out.stderr).to.equal(
      "error: input 'tags' of a resource nests too deep for Pulumi's SDK to serialise (Maximum call stack size " +
        "exceeded), as it would under the CLI; flatten the value (for example into a JSON string)\n",
    );
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

describe("plan: stack files and config within the limits the engine can handle", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-limits-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: limits\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.js"), "module.exports = {};\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const planOf = async (stackYaml: string) => {
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackYaml);
    const run = io();
    const code = await runCli([dir], run.io);
    return { code, stderr: run.out.stderr };
  };

  it("refuses a YAML alias bomb before expanding it", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(97 + i - 1);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${p}`).join(", ")}]`,
      );
    }
    const bomb = `config:\n${levels.map((l) => `  limits:${l}`).join("\n")}\n`;
    expect(bomb.length).to.be.below(1000);
    const { code, stderr } = await planOf(bomb);
    expect(code).to.equal(2);
    expect(stderr).to.match(/^error: .*Pulumi\.dev\.yaml: expands to more than 100000 values/);
  });

  it("refuses values nested deeper than the cap", async () => {
    const { code, stderr } = await planOf(`config:\n  limits:deep: ${"[".repeat(80)}${"]".repeat(80)}\n`);
    expect(code).to.equal(2);
    expect(stderr).to.match(/nests values more than 64 levels deep/);
  });

  it("refuses config a policy pack could not be given (one environment variable, 128 KiB)", async () => {
    const { code, stderr } = await planOf(`config:\n  limits:big: ${"x".repeat(140 * 1024)}\n`);
    expect(code).to.equal(2);
    expect(stderr).to.match(
      /^error: the stack's config is \d+ bytes as JSON, over the \d+ a policy pack can be given/,
    );
    expect(stderr).to.contain("the largest value is limits:big");
  });
});
