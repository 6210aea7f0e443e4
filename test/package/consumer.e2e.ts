import { expect } from "chai";
import { execFile } from "child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "fs";
import * as path from "path";
import * as ts from "typescript";
import { promisify } from "util";
import type { InstalledPackage } from "./installedPackage";
import type { PlanDocument } from "../../plan/plan";
import { relativeLinks } from "../docs/markdownLinks";
import { expectBroken, expectClean, recipes, type BrokenRun } from "../scenarios/recipes";
import { installedArtifact } from "./packageArtifacts";
import { repoRoot } from "./pluginSchema";

const run = promisify(execFile);

interface Registration {
  type: string;
  name: string;
  urn: string;
  id: string;
  parent: string;
  inputs: Record<string, unknown>;
}
interface ConsumerRun {
  esmExports: string[];
  outputs: Record<string, unknown>;
  registered: Registration[];
}

/** A second file of the consumer project: it only compiles if the declarations keep the closed enums. */
const strictnessCheck = `import { SecuredWorkspace } from "azureml-network-isolation";

new SecuredWorkspace("typo", {
  resourceGroupName: "rg",
  location: "westeurope",
  imageBuildCompute: "cpu-cluster",
  // @ts-expect-error the published declarations keep the closed set of access modes
  publicNetworkAccess: "Sometimes",
});
`;

/** The installed command on the program in `dir`, as the README gives it; its --json output is the whole stdout. */
async function installedPlan(dir: string, options: string[]): Promise<PlanDocument> {
  const { stdout } = await run(
    "npx",
    ["--no", "azureml-network-isolation", "plan", ".", "--json", ...options],
    {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as PlanDocument;
}

async function settle<T>(work: Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await work };
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    return { error: [e.message, e.stdout, e.stderr].filter(Boolean).join("\n") };
  }
}

describe("the packed package in a fresh TypeScript Pulumi program", function () {
  this.timeout(240_000);
  let installed: InstalledPackage;
  let typeCheck: { error?: string };
  let consumerRun: { value?: ConsumerRun; error?: string };
  let planRun: { value?: { doc: PlanDocument; ms: number }; error?: string };

  before(async () => {
    installed = await installedArtifact();
    const dir = installed.dir;
    writeFileSync(path.join(dir, "strictness.ts"), strictnessCheck);
    writeFileSync(
      path.join(dir, "tsconfig.check.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { noEmit: true },
        files: ["index.ts", "strictness.ts"],
      }),
    );
    // The run needs only JavaScript: transpile the program here and type-check it alongside the run.
    const source = readFileSync(path.join(dir, "index.ts"), "utf8");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(path.join(dir, "index.js"), js);
    copyFileSync(path.join(__dirname, "consumerRunner.mjs"), path.join(dir, "runner.mjs"));
    const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
    const planStarted = performance.now();
    [typeCheck, consumerRun, planRun] = await Promise.all([
      settle(run(process.execPath, [tsc, "-p", "tsconfig.check.json"], { cwd: dir })),
      settle(
        run(process.execPath, ["runner.mjs", "index.js"], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
          ({ stdout }) => JSON.parse(stdout) as ConsumerRun,
        ),
      ),
      // With the user's pack config.
      settle(
        installedPlan(dir, [
          "--policy-pack-config",
          "node_modules/azureml-network-isolation/bin/policy/config.example.json",
        ]).then((doc) => ({ doc, ms: performance.now() - planStarted })),
      ),
    ]);
  });

  // The consumer project lives in the system temp directory: removed once its checks ran.
  after(() => {
    if (installed) rmSync(installed.dir, { recursive: true, force: true });
  });

  it("ships the compiled components, plan and pack, the docs, and no sources or tests", () => {
    expect(installed.files).to.include.members([
      "package.json",
      "bin/sdk/index.js",
      "bin/sdk/index.d.ts",
      "bin/plan/bin.js",
      "bin/policy/index.js",
      "bin/policy/package.json",
      "bin/policy/PulumiPolicy.yaml",
      "bin/policy/README.md",
      "docs/README.md",
      "policy/README.md",
    ]);
    // The one TypeScript source shipped is the docs' example program.
    const sources = installed.files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
    expect(sources, "TypeScript sources in the tarball").to.deep.equal(["docs/examples/typescript/index.ts"]);
    expect(installed.files.filter((f) => /(^|\/)test\//.test(f))).to.deep.equal([]);
    const outside = installed.files.filter(
      (f) => !/^(bin\/(sdk|plan|policy)\/|docs\/|policy\/README\.md$|package\.json$|README\.md$)/.test(f),
    );
    expect(outside, "files outside the declared `files`").to.deep.equal([]);
  });

  it("ships what the README and the docs index link to, so the links work in node_modules", () => {
    const shipped = new Set(installed.files);
    const isShipped = (target: string) =>
      shipped.has(target) || installed.files.some((f) => f.startsWith(`${target}/`));
    const missing = ["README.md", "docs/README.md"]
      .flatMap(relativeLinks)
      .filter((target) => !isShipped(target));
    expect(missing).to.deep.equal([]);
  });

  it("ships a manifest with no install script and a command", () => {
    expect(installed.manifest.scripts, "scripts npm runs on install").to.not.have.any.keys(
      "prepare",
      "preinstall",
      "install",
      "postinstall",
    );
    expect(installed.manifest.bin).to.deep.equal({ "azureml-network-isolation": "bin/plan/bin.js" });
    expect(readFileSync(path.join(installed.packageDir, "bin/plan/bin.js"), "utf8")).to.match(
      /^#!\/usr\/bin\/env node\n/,
    );
  });

  it("ships the pack as a directory of its own, JavaScript, its packages resolved from the consumer's tree", () => {
    const packDir = path.join(installed.packageDir, "bin", "policy");
    const manifest = JSON.parse(readFileSync(path.join(packDir, "package.json"), "utf8"));
    expect(existsSync(path.join(packDir, manifest.main)), manifest.main).to.equal(true);
    expect(manifest.main).to.equal("index.js");
    // Node resolves a nested directory's packages up its ancestors: the consumer's node_modules (whose links
    // this test made; require.resolve answers their real paths).
    const consumers = (file: string) => realpathSync(path.join(installed.dir, "node_modules", file));
    for (const dependency of Object.keys(manifest.dependencies)) {
      const file = `${dependency}/package.json`;
      expect(require.resolve(file, { paths: [packDir] })).to.equal(consumers(file));
    }
    // Where the CLI's pulumi-analyzer-policy shim looks for the runner: from the pack's directory.
    const runner = "@pulumi/pulumi/cmd/run-policy-pack/index.js";
    expect(require.resolve(runner, { paths: [packDir] })).to.equal(consumers(runner));
  });

  it("plans the consumer's own program with the installed command and its pack, offline, as JSON on stdout", () => {
    expect(planRun.error, planRun.error).to.equal(undefined);
    const { doc, ms } = planRun.value!;
    console.log(`      (the installed command planned the program in ${Math.round(ms)} ms)`);
    expect(doc.project).to.equal("azureml-isolated-consumer");
    expect(doc.program).to.equal(path.join(installed.dir, "index.ts"));
    // The installed pack served through run-policy-pack, compiled: nothing transpiled at start.
    expect(doc.policyPack).to.deep.equal({ name: "azureml-network-isolation", version: "0.1.0" });
    expect(doc.timings.packCompileMs).to.equal(0);
    expect(doc.counts.byType).to.include({
      "azureml-network-isolation:index:WorkspaceNetwork": 1,
      "azureml-network-isolation:index:PrivateEndpointSet": 2,
    });
    expect(doc.vnets.map((t) => t.vnet).sort()).to.deep.equal(["ml-clients-vnet", "ml-services-vnet"]);
    expect(doc.findings.mandatory).to.deep.equal([]);
    // The pack config given took effect: the example config allows only AllowOnlyApprovedOutbound.
    expect(doc.findings.advisory.map((f) => f.policy)).to.include("workspace-managed-network-isolation-mode");
  });

  it("remembers between plans: with --state, the next plan of a changed program shows what an update would change", async () => {
    const dir = installed.dir;
    const plan = async () =>
      (await installedPlan(dir, ["--no-policy-pack", "--state", "state.json"])).changes!;
    const first = await plan();
    expect([first.fromState, first.kept]).to.deep.equal([false, true]);
    expect(Object.values(first.steps).every((s) => s.op === "create")).to.equal(true);
    // The user changes the cluster's VM size: Azure cannot update it in place (azurerm: "Changing this forces a
    // new Machine Learning Compute Cluster to be created"), so the next plan replaces that one resource.
    const program = path.join(dir, "index.ts");
    const source = readFileSync(program, "utf8");
    expect(source).to.include('vmSize: "Standard_DS3_v2"');
    writeFileSync(program, source.replace('vmSize: "Standard_DS3_v2"', 'vmSize: "Standard_DS4_v2"'));
    const second = await plan();
    expect(second.fromState).to.equal(true);
    const changed = Object.entries(second.steps).filter(([, step]) => step.op !== "same");
    expect(changed.map(([urn, step]) => [urn.split("::").pop(), step.op, step.diffs])).to.deep.equal([
      ["cpu-cluster-compute", "replace", ["properties.properties.vmSize"]],
    ]);
    expect(second.deleted).to.deep.equal([]);
  });

  it("plans each recipe of docs/recipes copied into the consumer's project: clean, and its broken twin refused or blocked", async () => {
    for (const recipe of recipes) {
      const dir = path.join(installed.dir, "recipes", recipe.dir);
      cpSync(path.join(repoRoot, "docs", "recipes", recipe.dir), dir, { recursive: true });
      expectClean(recipe, await installedPlan(dir, ["--stack", "dev"]));
      // A component's refusal comes before the pack runs; a twin the pack blocks needs the pack.
      const pack = "refusedBy" in recipe.broken ? ["--no-policy-pack"] : [];
      const broken = await installedPlan(dir, ["--stack", "broken", ...pack]).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        (e: BrokenRun) => e,
      );
      expectBroken(recipe, broken);
    }
  });

  it("audits an exported estate with the installed command: `audit estate.json --html audit.html`, exit 1 on a mandatory finding", async () => {
    // One file holding an az graph query page's rows and the companions, as the README's example shows.
    const estate = path.join(repoRoot, "test", "audit", "fixtures", "estates", "spoke-without-peering");
    const pages = readdirSync(estate).filter((f) => f !== "estate.companions.json");
    const rows = pages.flatMap(
      (f) => (JSON.parse(readFileSync(path.join(estate, f), "utf8")) as { data: unknown[] }).data,
    );
    const companions = JSON.parse(
      readFileSync(path.join(estate, "estate.companions.json"), "utf8"),
    ) as unknown[];
    writeFileSync(path.join(installed.dir, "estate.json"), JSON.stringify([...rows, ...companions]));
    let code = 0;
    let stdout = "";
    try {
      ({ stdout } = await run(
        "npx",
        ["--no", "azureml-network-isolation", "audit", "estate.json", "--html", "audit.html", "--json"],
        { cwd: installed.dir, maxBuffer: 64 * 1024 * 1024 },
      ));
    } catch (e) {
      ({ code, stdout } = e as { code: number; stdout: string });
    }
    expect(code).to.equal(1);
    const doc = JSON.parse(stdout) as PlanDocument;
    expect(doc.findings.mandatory.map((f) => f.policy)).to.deep.equal(["compute-in-endpoint-vnet"]);
    const page = readFileSync(path.join(installed.dir, "audit.html"), "utf8");
    expect(page).to.include("<h1>Audit of subscription 00000000-1111-2222-3333-444444444444</h1>");
    expect(page).to.include("<svg");
  });

  it("type-checks strictly against the published declarations", () => {
    expect(typeCheck.error, typeCheck.error).to.equal(undefined);
  });

  it("loads through both the require and the import entry", () => {
    expect(consumerRun.error, consumerRun.error).to.equal(undefined);
    expect(consumerRun.value!.esmExports).to.include.members([
      "SecuredWorkspace",
      "WorkspaceNetwork",
      "PrivateEndpointSet",
      "PrivateCompute",
      "PublicNetworkAccess",
      "DnsModes",
    ]);
  });

  it("registers the components, their children under them, and wires the outputs", () => {
    expect(consumerRun.error, consumerRun.error).to.equal(undefined);
    const { registered, outputs } = consumerRun.value!;
    const one = (type: string, name: string) => {
      const found = registered.filter((r) => r.type === type && r.name === name);
      expect(found, `${type} ${name}`).to.have.length(1);
      return found[0];
    };
    const token = (c: string) => `azureml-network-isolation:index:${c}`;
    const network = one(token("WorkspaceNetwork"), "ml");
    for (const set of ["services", "clients"]) {
      const endpointSet = one(token("PrivateEndpointSet"), `ml-${set}`);
      expect(endpointSet.parent).to.equal(network.urn);
      const endpoints = registered.filter(
        (r) => r.type === "azure-native:network:PrivateEndpoint" && r.parent === endpointSet.urn,
      );
      expect(endpoints.map((e) => e.name).sort()).to.deep.equal(
        ["registry-registry", "storage-blob", "storage-file", "vault-vault", "workspace-amlworkspace"].map(
          (key) => `ml-${set}-pe-${key}`,
        ),
      );
      const zones = registered.filter(
        (r) => r.type === "azure-native:privatedns:PrivateZone" && r.parent === endpointSet.urn,
      );
      expect(zones, `${set} zones`).to.have.length(6);
    }
    const workspace = one("azure-native:resources:Resource", "ml-workspace");
    expect(workspace.parent).to.equal(one(token("SecuredWorkspace"), "ml").urn);
    const subnet = one("azure-native:network:Subnet", "ml-services-endpoints");
    expect(outputs).to.deep.equal({ workspaceId: workspace.id, servicesSubnetId: subnet.id });
    const compute = one("azure-native:machinelearningservices:Compute", "cpu-cluster-compute");
    expect(compute.parent).to.equal(one(token("PrivateCompute"), "cpu-cluster").urn);
    expect(compute.inputs).to.nested.include({ "properties.properties.subnet.id": subnet.id });
  });
});
