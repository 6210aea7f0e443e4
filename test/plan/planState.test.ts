/**
 * Plans that remember (`--state`): the second plan of a stack shows what would change against the first, as
 * `pulumi preview` does, honours `protect`, and meets the one-way managed-network guard.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../plan/planCommand";

const fixture = path.join(__dirname, "fixtures", "state-steps");
const stackFile = path.join(fixture, "Pulumi.dev.yaml");

async function plan(state: string, config: Record<string, string | boolean>, ...flags: string[]) {
  const lines = Object.entries(config).map(([k, v]) => `  plan-state-steps:${k}: ${JSON.stringify(v)}`);
  fs.writeFileSync(stackFile, `config:\n${lines.join("\n")}\n`);
  const out = { stdout: "", stderr: "" };
  const code = await runCli([fixture, "--no-policy-pack", "--state", state, ...flags], {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
  });
  return { code, ...out };
}

/** The tree line of the resource named `name`. */
const row = (text: string, name: string) =>
  text.split("\n").find((l) => new RegExp(`\\s${name}\\s`).test(l)) ?? "";

describe("plan --state: plans that remember", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-state-"))));
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(stackFile, { force: true });
  });

  it("creates everything first, then shows update, create and delete against the kept state", async () => {
    const state = path.join(dir, "dev.json");
    const first = await plan(state, { zone: true });
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.contain("first plan of the stack");
    expect(row(first.stdout, "vnet")).to.match(/^ \+ .*create/);
    expect(fs.existsSync(state)).to.equal(true);

    const second = await plan(state, { addressSpace: "10.1.0.0/16" });
    expect(second.code, second.stderr).to.equal(0);
    expect(row(second.stdout, "vnet")).to.match(
      /^ ~ .*update\s+\[diff: ~addressSpace\.addressPrefixes\[0\]\]/,
    );
    expect(row(second.stdout, "zone")).to.match(/^ - .*delete/);
    expect(row(second.stdout, "rg")).to.match(/^\s+.*same/);
    expect(second.stdout).to.contain("outputs changed: addressSpace");

    const third = await plan(state, { addressSpace: "10.1.0.0/16", zone: true });
    expect(row(third.stdout, "zone")).to.match(/^ \+ .*create/);
  });

  it("fails like the CLI when it would replace or delete a protected resource, and keeps the state as it was", async () => {
    const state = path.join(dir, "dev.json");
    expect((await plan(state, {})).code).to.equal(0);
    const kept = fs.readFileSync(state, "utf8");
    const moved = await plan(state, { groupLocation: "northeurope" });
    expect(moved.code).to.equal(1);
    expect(row(moved.stdout, "rg")).to.match(/^ \+- .*replace\s+protected \[diff: \+-location\]/);
    expect(moved.stdout).to.match(
      /error: unable to replace resource\s+"urn:pulumi:dev::plan-state-steps::pulumi:pulumi:Stack\$azure-native:resources:ResourceGroup::rg"\s+as it is currently\s+marked for protection/,
    );
    expect(moved.stdout).to.contain("left as it was (the plan failed)");
    expect(fs.readFileSync(state, "utf8")).to.equal(kept);
    // The engine lets the replacement through once the program removes the protection.
    expect((await plan(state, { groupLocation: "northeurope", protectGroup: false })).code).to.equal(0);
  });

  it("refuses, at preview and update, to move a live managed network back to a more open mode", async () => {
    const state = path.join(dir, "dev.json");
    const first = await plan(state, { isolationMode: "AllowOnlyApprovedOutbound" });
    expect(first.code, first.stderr).to.equal(0);
    for (const flags of [["--preview"], []]) {
      const back = await plan(state, { isolationMode: "AllowInternetOutbound" }, ...flags);
      expect(back.code).to.equal(2);
      expect(back.stderr).to.contain(
        '- managedNetwork.isolationMode: "AllowInternetOutbound" would move the live workspace back from "AllowOnlyApprovedOutbound"',
      );
    }
  });

  it("a directory keeps one file per stack; a preview reads the state but never writes it", async () => {
    const preview = await plan(`${dir}/`, {}, "--preview");
    expect(preview.code, preview.stderr).to.equal(0);
    expect(preview.stdout).to.contain("left as it was (a preview)");
    expect(fs.existsSync(path.join(dir, "dev.json"))).to.equal(false);
    expect((await plan(`${dir}/`, {})).code).to.equal(0);
    expect(fs.existsSync(path.join(dir, "dev.json"))).to.equal(true);
  });
});
