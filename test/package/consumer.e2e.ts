import { expect } from "chai";
import { execFile } from "child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import * as ts from "typescript";
import { promisify } from "util";
import type { InstalledPackage } from "./installedPackage";
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
    [typeCheck, consumerRun] = await Promise.all([
      settle(run(process.execPath, [tsc, "-p", "tsconfig.check.json"], { cwd: dir })),
      settle(
        run(process.execPath, ["runner.mjs", "index.js"], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
          ({ stdout }) => JSON.parse(stdout) as ConsumerRun,
        ),
      ),
    ]);
  });

  // The consumer project lives in the system temp directory: removed once its checks ran.
  after(() => {
    if (installed) rmSync(installed.dir, { recursive: true, force: true });
  });

  it("ships the compiled entry and declarations, without sources or tests", () => {
    expect(installed.files).to.include.members(["package.json", "bin/sdk/index.js", "bin/sdk/index.d.ts"]);
    const sources = installed.files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
    expect(sources, "TypeScript sources in the tarball").to.deep.equal([]);
    expect(installed.files.filter((f) => /(^|\/)test\//.test(f))).to.deep.equal([]);
    const outside = installed.files.filter(
      (f) => !/^(bin\/(sdk|policy\/azure)\/|package\.json$|README\.md$)/.test(f),
    );
    expect(outside, "files outside the declared `files`").to.deep.equal([]);
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
