/**
 * What Azure cannot update in place is replaced: the components give each resource its row of the
 * immutable-properties table as `replaceOnChanges`, so the plan (as `pulumi preview`) shows `replace` where ARM
 * would refuse the update. azurerm machine_learning_compute_cluster: "`vm_size` - (Required) The size of the VM.
 * Changing this forces a new Machine Learning Compute Cluster to be created."; "`tags` - (Optional) A mapping of
 * tags which should be assigned to the Machine Learning Compute Cluster." (no ForceNew: tags update in place).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../plan/planCommand";
import { ImmutableProperties } from "../../policy/azure/immutableProperties";

const fixture = path.join(__dirname, "fixtures", "compute-steps");
const stackFile = path.join(fixture, "Pulumi.dev.yaml");

async function plan(state: string, config: Record<string, string>) {
  const lines = Object.entries(config).map(([k, v]) => `  plan-compute-steps:${k}: ${JSON.stringify(v)}`);
  fs.writeFileSync(stackFile, `config:\n${lines.join("\n")}\n`);
  const out = { stdout: "", stderr: "" };
  const code = await runCli([fixture, "--no-policy-pack", "--state", state], {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
  });
  return { code, ...out };
}

/** The tree line of the resource named `name`. */
const row = (text: string, name: string) => text.split("\n").find((l) => l.includes(` ${name} `)) ?? "";

describe("immutable properties are replaced, not updated", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-compute-"))));
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(stackFile, { force: true });
  });

  it("plans a changed cluster vmSize as a replace (computes are not protected) and a changed tag as an update", async () => {
    const state = path.join(dir, "dev.json");
    const first = await plan(state, {});
    expect(first.code, first.stderr + first.stdout).to.equal(0);

    const resized = await plan(state, { vmSize: "Standard_DS4_v2" });
    expect(resized.code, resized.stderr + resized.stdout).to.equal(0);
    expect(row(resized.stdout, "cpu-compute")).to.match(/^ \+- .*replace/);
    expect(resized.stdout).to.contain("[diff: +-properties.properties.vmSize]");
    expect(resized.stdout).not.to.contain("marked for protection");

    const retagged = await plan(state, { vmSize: "Standard_DS4_v2", team: "research" });
    expect(retagged.code, retagged.stderr + retagged.stdout).to.equal(0);
    expect(row(retagged.stdout, "cpu-compute")).to.match(/^ ~ .*update/);
    expect(retagged.stdout).to.contain("[diff: ~tags.team]");
  });

  it("names a source for every row", () => {
    for (const rows of Object.values(ImmutableProperties))
      for (const property of rows)
        expect(property.source, property.path).to.match(/azurerm|learn\.microsoft/);
  });
});
