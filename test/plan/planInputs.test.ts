import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseCliArgs } from "../../plan/cliArgs";
import { compiledPack } from "../../plan/compiledPack";
import { urnParts } from "../../plan/findings";
import { resolveTarget } from "../../plan/planTarget";
import { programEntry } from "../../plan/programEntry";
import { resolveStackConfig } from "../../plan/stackConfig";

const fixture = path.join(__dirname, "fixtures", "two-vnets");

describe("offline plan inputs", () => {
  describe("stack config", () => {
    it("namespaces bare keys, applies defaults under the stack's values, passes objects as JSON", () => {
      const resolved = resolveStackConfig(
        "proj",
        {
          location: { type: "string", default: "westeurope", description: "region" },
          count: 3,
          "azure-native:location": "northeurope",
          token: { type: "string", default: "x", secret: true },
        },
        { "proj:location": "eastus", endpoints: [{ name: "a" }], "proj:flag": true },
      );
      expect(resolved.config).to.deep.equal({
        "proj:location": "eastus",
        "proj:count": "3",
        "azure-native:location": "northeurope",
        "proj:token": "x",
        "proj:endpoints": '[{"name":"a"}]',
        "proj:flag": "true",
      });
      expect(resolved.secretKeys).to.deep.equal(["proj:token"]);
    });

    it("fails like the CLI on a typed key without default or value, and on encrypted values", () => {
      expect(() => resolveStackConfig("proj", { prefix: { type: "string" } }, {})).to.throw(
        "missing configuration value(s) proj:prefix",
      );
      expect(() => resolveStackConfig("proj", {}, { "proj:pw": { secure: "AAAB" } })).to.throw(/encrypted/);
    });

    it("refuses a stack value of another type than Pulumi.yaml declares, and accepts the ones the CLI accepts", () => {
      const project = {
        count: { type: "integer", default: 1 },
        flag: { type: "boolean", default: false },
        names: { type: "array", items: { type: "string" }, default: [] },
        name: { type: "string", default: "x" },
      };
      const refused = (stack: Record<string, unknown>) => () => resolveStackConfig("proj", project, stack);
      expect(refused({ count: "three" })).to.throw(
        'config proj:count is "three", but Pulumi.yaml declares it integer: set a whole number',
      );
      expect(refused({ "proj:count": 1.5 })).to.throw(/declares it integer/);
      expect(refused({ flag: "yes" })).to.throw(/declares it boolean: set true or false/);
      expect(refused({ names: "a,b" })).to.throw(/declares it array: set a list/);
      expect(refused({ name: ["a"] })).to.throw(/declares it string: set a string/);
      expect(
        resolveStackConfig("proj", project, { count: 3, flag: "true", names: ["a"], name: 7 }).config,
      ).to.include({
        "proj:count": "3",
        "proj:flag": "true",
        "proj:names": '["a"]',
        "proj:name": "7",
      });
    });
  });

  describe("arguments", () => {
    it("reads a target, valued options (spaced or with =) and flags", () => {
      expect(
        parseCliArgs([
          "isolated-clients",
          "--json",
          "--diagram=out.mmd",
          "--html",
          "plan.html",
          "--policy-pack",
          "p",
        ]),
      ).to.deep.equal({
        target: "isolated-clients",
        stack: undefined,
        preview: false,
        json: true,
        diagram: "out.mmd",
        html: "plan.html",
        policyPack: "p",
        policyPackConfig: undefined,
        typecheckPack: false,
      });
      expect(parseCliArgs(["dir", "--no-policy-pack", "--preview"])).to.include({
        policyPack: false,
        preview: true,
      });
      expect(parseCliArgs(["dir", "--typecheck-pack"])).to.include({ typecheckPack: true });
    });

    it("rejects unknown options, missing values and a missing or extra target", () => {
      expect(() => parseCliArgs(["a", "--nope"])).to.throw(/Unknown option '--nope'/);
      expect(() => parseCliArgs(["a", "--stack"])).to.throw(/--stack <value>' argument missing/);
      expect(() => parseCliArgs([])).to.throw(/exactly one/);
      expect(() => parseCliArgs(["a", "b"])).to.throw(/exactly one/);
    });
  });

  describe("program and stack resolution", () => {
    it("finds the entry: a file itself, a directory's package.json main, or its index.ts", () => {
      expect(programEntry(fixture)).to.equal(path.join(fixture, "index.ts"));
      expect(programEntry(path.join(fixture, "index.ts"))).to.equal(path.join(fixture, "index.ts"));
      const pack = path.join(__dirname, "fixtures", "pack");
      expect(programEntry(pack)).to.equal(path.join(pack, "index.ts"));
      expect(() => programEntry(path.join(fixture, "missing"))).to.throw(/does not exist/);
    });

    it("resolves a stack name from the project found upward from the working directory", () => {
      const target = resolveTarget("good", { cwd: path.join(fixture) });
      expect(target.project.name).to.equal("plan-fixture");
      expect(target.stackFile).to.equal(path.join(fixture, "Pulumi.good.yaml"));
      expect(target.config.config).to.include({
        "plan-fixture:clientsPrefix": "10.20.1.0/24",
        "plan-fixture:linkClients": "true",
      });
      expect(() => resolveTarget("nope", { cwd: fixture })).to.throw(/stacks: bad, good/);
    });

    it("takes a program directory, and asks for --stack when it has several stack files", () => {
      expect(resolveTarget(fixture, { stack: "bad" }).config.config).to.include({
        "plan-fixture:storagePublicAccess": "Enabled",
      });
      expect(() => resolveTarget(fixture)).to.throw(/has stacks bad, good: choose one with --stack/);
    });
  });

  it("serves a JavaScript pack as is and a TypeScript pack from a transpiled copy in its node_modules cache", () => {
    const probe = path.join(__dirname, "..", "analyzer", "fixtures", "probe-pack");
    expect(compiledPack(probe)).to.deep.equal({ dir: probe, compileMs: 0 });
    const ts = compiledPack(path.join(__dirname, "fixtures", "pack"));
    expect(ts.dir).to.match(/fixtures\/pack\/node_modules\/\.cache\/offline-plan-pack\/[0-9a-f]{16}$/);
    expect(JSON.parse(fs.readFileSync(path.join(ts.dir, "package.json"), "utf8"))).to.include({
      main: "index.js",
    });
    // The same content maps to the same copy.
    expect(compiledPack(path.join(__dirname, "fixtures", "pack"))).to.deep.equal({
      dir: ts.dir,
      compileMs: 0,
    });
  });

  it("transpiles a changed pack afresh and drops the copy of its previous version", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-pack-"));
    try {
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "p", version: "1.0.0", main: "index.ts" }),
      );
      fs.writeFileSync(path.join(dir, "index.ts"), "export const level: string = 'advisory';\n");
      const first = compiledPack(dir);
      expect(fs.readFileSync(path.join(first.dir, "index.js"), "utf8")).to.match(
        /exports\.level = 'advisory';/,
      );
      fs.writeFileSync(path.join(dir, "index.ts"), "export const level: string = 'mandatory';\n");
      const second = compiledPack(dir);
      expect(second.dir).to.not.equal(first.dir);
      expect(fs.readFileSync(path.join(second.dir, "index.js"), "utf8")).to.match(
        /exports\.level = 'mandatory';/,
      );
      expect(fs.existsSync(first.dir)).to.equal(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a finding's resource type and name from its URN", () => {
    expect(
      urnParts(
        "urn:pulumi:dev::proj::pulumi:pulumi:Stack$azureml:index:PrivateEndpointSet$azure-native:network:PrivateEndpoint::pe-a",
      ),
    ).to.deep.equal({ type: "azure-native:network:PrivateEndpoint", name: "pe-a" });
  });
});
