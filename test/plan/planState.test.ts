/**
 * Plans that remember (`--state`): the second plan of a stack shows what would change against the first, as
 * `pulumi preview` does, honours `protect`, and meets the one-way managed-network guard.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../plan/planCommand";
import { resourceChange } from "../../plan/planChanges";
import { readPlanState, stateFileOf, type StateResource } from "../../plan/planState";
import { unknownSentinel } from "../../plan/policy/engineValue";
import { keptValue, newSecretKey, restoredValue } from "../../plan/stateSecrets";

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

  it("the HTML page and its picture say what the text says: the steps, the engine's error and the verdict", async () => {
    const state = path.join(dir, "dev.json");
    const page = path.join(dir, "plan.html");
    expect((await plan(state, {})).code).to.equal(0);
    const same = await plan(state, {}, "--preview", "--html", page);
    expect(same.code).to.equal(0);
    const unchanged = fs.readFileSync(page, "utf8");
    expect(unchanged).to.contain("pulumi preview would pass");
    expect(unchanged).to.match(/on the fake Azure: 3 unchanged \(against the state in /);
    const moved = await plan(state, { groupLocation: "northeurope" }, "--html", page);
    expect(moved.code).to.equal(1);
    const blocked = fs.readFileSync(page, "utf8");
    expect(blocked).not.to.contain("would pass");
    expect(blocked).to.contain(
      "Blocked: 1 protected resource(s) the plan would replace or delete, pulumi preview would fail.",
    );
    expect(blocked).to.contain("error: unable to replace resource");
    expect(blocked).to.match(/on the fake Azure: 1 to replace, 2 unchanged/);
    // The picture's title says it too.
    expect(blocked).to.contain(
      "<title>Network and private DNS of stack dev (1 to replace, 2 unchanged; blocked: a protected resource would be replaced or deleted)</title>",
    );
    expect(blocked).to.match(
      /<td [^>]*>rg<\/td><td [^>]*>replace<\/td><td [^>]*>protected \[diff: \+-location\]<\/td>/,
    );
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

/** The step of the resource named `name` in a `--json` plan. */
function step(json: string, name: string) {
  const steps = (JSON.parse(json) as { changes: { steps: Record<string, { op: string; diffs: string[] }> } })
    .changes.steps;
  return Object.entries(steps).find(([urn]) => urn.endsWith(`::${name}`))?.[1];
}

describe("plan --state: a preview of an unchanged program changes nothing", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-state-"))));
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(stackFile, { force: true });
  });

  it("the hub-and-spoke with its hub in the program: twice `N unchanged`, exit 0 (the random suffix and the resolver's IP come from the state, as the engine keeps a resource's outputs)", async () => {
    const hub = path.join(__dirname, "fixtures", "state-hub");
    const run = async (...flags: string[]) => {
      const out = { stdout: "", stderr: "" };
      const code = await runCli([hub, "--no-policy-pack", "--state", `${dir}/`, ...flags], {
        stdout: (t) => (out.stdout += t),
        stderr: (t) => (out.stderr += t),
      });
      return { code, ...out };
    };
    expect((await run()).code).to.equal(0);
    for (let i = 0; i < 2; i++) {
      const preview = await run("--preview");
      expect(preview.code, preview.stderr).to.equal(0);
      expect(preview.stdout).to.match(/no changes\n\s+\d+ unchanged/);
      expect(preview.stdout).not.to.match(/to replace|to update/);
    }
  });

  it("a changed tag is an update, at preview too; a location spelled `West Europe` is the same as `westeurope` (the provider compares it without case and spaces)", async () => {
    const state = path.join(dir, "dev.json");
    expect((await plan(state, {})).code).to.equal(0);
    for (const flags of [["--preview"], []]) {
      const tagged = await plan(state, { owner: "data-team" }, "--json", ...flags);
      expect(tagged.code, tagged.stderr).to.equal(0);
      expect(step(tagged.stdout, "vnet")).to.deep.equal({
        op: "update",
        diffs: ["tags.owner"],
        replaces: [],
      });
    }
    // pulumi-azure-native provider/pkg/provider/diff.go: top-level "location" properties "are special in the
    // sense that casing and spaces are not significant".
    const spelled = await plan(
      state,
      { owner: "data-team", groupLocation: "West Europe" },
      "--json",
      "--preview",
    );
    expect(spelled.code, spelled.stdout).to.equal(0);
    expect(step(spelled.stdout, "rg")?.op).to.equal("same");
  });

  it("keeps a secret as a keyed hash, never its value, in a file created 0600: the same secret is unchanged, another one an update", async () => {
    const state = path.join(dir, "dev.json");
    const secret = "tag-value-that-must-stay-secret";
    expect((await plan(state, { secretTag: secret })).code).to.equal(0);
    expect(fs.readFileSync(state, "utf8")).not.to.contain(secret);
    expect(fs.statSync(state).mode & 0o777).to.equal(0o600);
    const same = await plan(state, { secretTag: secret }, "--json", "--preview");
    expect(step(same.stdout, "rg")?.op).to.equal("same");
    const other = await plan(state, { secretTag: "another-secret-value" }, "--json", "--preview");
    // The SDK makes the whole `tags` secret when one of its values is.
    expect(step(other.stdout, "rg")).to.deep.include({ op: "update", diffs: ["tags"] });
    expect(other.stdout).not.to.contain("another-secret-value");
  });
});

describe("plan --state: a state file from a careless or hostile source is one message and exit 2", () => {
  let dir: string;
  let state: string;
  let valid: Record<string, unknown>;
  before(async () => {
    const kept = fs.mkdtempSync(path.join(os.tmpdir(), "plan-state-valid-"));
    expect((await plan(path.join(kept, "dev.json"), {})).code).to.equal(0);
    valid = JSON.parse(fs.readFileSync(path.join(kept, "dev.json"), "utf8")) as Record<string, unknown>;
    fs.rmSync(kept, { recursive: true, force: true });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-state-"));
    state = path.join(dir, "dev.json");
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(stackFile, { force: true });
  });

  /** One message naming the file, exit 2, no stack trace. */
  function refused(result: { code: number; stderr: string }, ...words: string[]) {
    expect(result.code, result.stderr).to.equal(2);
    expect(result.stderr.trim().split("\n")).to.have.length(1);
    expect(result.stderr).to.match(/^error: /);
    for (const w of words) expect(result.stderr).to.contain(w);
  }

  /** The state file's JSON, as far as the edits below reach into it. */
  interface StateJson {
    version: unknown;
    resources: (Record<string, unknown> | null)[];
    azure: { live?: unknown; connections?: unknown };
  }
  const edited = (edit: (s: StateJson) => void) => {
    const copy = JSON.parse(JSON.stringify(valid)) as StateJson;
    edit(copy);
    return copy;
  };

  for (const [what, edit, field] of [
    ["resources: [null]", (s) => (s.resources = [null]), "resources[0]: an object expected, found null"],
    [
      "a missing azure.connections",
      (s) => delete s.azure.connections,
      "azure.connections: an object expected",
    ],
    ["azure.live: null", (s) => (s.azure.live = null), "azure.live: an object expected, found null"],
    [
      "a non-string type",
      (s) => (s.resources[1]!.type = 5),
      "resources[1].type: a string expected, found number 5",
    ],
    [
      "a missing type",
      (s) => delete s.resources[1]!.type,
      "resources[1].type: a string expected, found nothing",
    ],
    ["a non-string name", (s) => (s.resources[1]!.name = {}), "resources[1].name: a string expected"],
    [
      "a connection without its state",
      (s) => (s.azure.connections = { x: [{ id: "a", name: "b" }] }),
      "privateEndpoint",
    ],
    ["a file of another version", (s) => (s.version = 1), "version 1"],
  ] as [string, (s: StateJson) => void, string][]) {
    it(`${what}: names the file and the field`, async () => {
      fs.writeFileSync(state, JSON.stringify(edited(edit)));
      refused(await plan(state, {}), state, field);
    });
  }

  it("a value 20,000 levels deep is the state file's fault, not the program's", async () => {
    const deep = `${"[".repeat(20000)}${"]".repeat(20000)}`;
    fs.writeFileSync(state, JSON.stringify(valid).replace('"outputs":{', `"outputs":{"deep":${deep},`));
    const result = await plan(state, {});
    refused(result, state, "nests deeper than");
    expect(result.stderr).not.to.contain("Pulumi's SDK");
  });

  it("a state kept for one stack is not another stack's baseline", async () => {
    fs.writeFileSync(state, JSON.stringify(valid));
    refused(await plan(state, {}, "--stack", "prod"), "holds stack dev", "not prod");
  });

  it("a symlink (dangling or not), a FIFO or a directory at the state path is refused, its target never created", async () => {
    const target = path.join(dir, "elsewhere.json");
    fs.symlinkSync(target, state);
    refused(await plan(state, {}), "symbolic link");
    expect(fs.existsSync(target)).to.equal(false);
    fs.writeFileSync(target, JSON.stringify(valid));
    refused(await plan(`${dir}/`, {}), "symbolic link");
    fs.rmSync(state);
    spawnSync("mkfifo", [state]);
    refused(await plan(state, {}), "not a regular file");
    fs.rmSync(state);
    fs.mkdirSync(state);
    refused(await plan(`${dir}/`, {}), "a directory");
  });

  it("refuses a state file that is also the --html or --diagram output, and leaves it as it was", async () => {
    fs.writeFileSync(state, JSON.stringify(valid));
    for (const option of ["--html", "--diagram"]) {
      const file = option === "--html" ? state : path.join(dir, "dev.mmd");
      if (option === "--diagram") fs.copyFileSync(state, file);
      refused(await plan(option === "--html" ? state : file, {}, option, file), `also the ${option} output`);
    }
    expect(fs.readFileSync(state, "utf8")).to.equal(JSON.stringify(valid));
  });

  it("on a first plan (no state file yet) refuses --html naming the state file too, and writes neither", async () => {
    refused(await plan(state, {}, "--html", state), "also the --html output");
    expect(fs.existsSync(state)).to.equal(false);
  });

  it("refuses --state DIR/ of a directory that does not exist before the run, naming that directory", async () => {
    const missing = path.join(dir, "missing") + path.sep;
    const result = await plan(missing, {});
    expect(result.code, result.stderr).to.equal(2);
    // An argument error: the one line, then the usage.
    expect(result.stderr.split("\n")[0]).to.equal(
      `--state ${missing}: the directory ${missing} does not exist; create it first`,
    );
    expect(fs.existsSync(missing)).to.equal(false);
  });

  it("checks stack names as Pulumi does: org/project/stack maps to its own file in the directory, ../../escaped is refused", async () => {
    const qualified = await plan(`${dir}/`, {}, "--stack", "org/plan-state-steps/dev");
    expect(qualified.code, qualified.stderr).to.equal(0);
    expect(fs.readdirSync(dir)).to.deep.equal(["org+plan-state-steps+dev.json"]);
    const escaped = await plan(`${dir}/sub/`, {}, "--stack", "../../escaped");
    expect(escaped.code).to.equal(2);
    expect(escaped.stderr).to.contain("stack names are limited to 100 characters");
    expect(fs.existsSync(path.join(dir, "..", "escaped.json"))).to.equal(false);
    // Whatever names the stack (a program's default, a provided stack), its file stays in the directory.
    expect(() => stateFileOf(`${dir}/`, "../../escaped")).to.throw(/stack names are limited/);
  });
});

describe("plan --state: the step rules and the kept secrets, one by one", () => {
  const key = newSecretKey();
  // The engine's secret envelope (@pulumi/pulumi runtime/rpc.ts, specialSigKey and specialSecretSig).
  const secretSigKey = "4dabf18193072939515e22adb298388d";
  const secretSig = "1b47061264138c4ac30d75fd1eb44270";
  const old = (type: string, inputs: Record<string, unknown>): StateResource =>
    ({
      urn: "u",
      type,
      name: "n",
      custom: true,
      protect: false,
      inputs,
      outputs: {},
    }) as unknown as StateResource;
  const step = (
    type: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    more: { ignoreChanges?: string[]; replaceOnChanges?: string[] } = {},
  ) =>
    resourceChange(
      old(type, before),
      {
        type,
        inputs: after,
        custom: true,
        ignoreChanges: more.ignoreChanges ?? [],
        replaceOnChanges: more.replaceOnChanges ?? [],
      },
      key,
    );

  it("a changed input under ignoreChanges is no diff: the resource stays the same", () => {
    const type = "azure-native:resources:ResourceGroup";
    expect(step(type, { tags: { a: "1" } }, { tags: { a: "2" } }).op).to.equal("update");
    expect(step(type, { tags: { a: "1" } }, { tags: { a: "2" } }, { ignoreChanges: ["tags"] }).op).to.equal(
      "same",
    );
  });

  it("a changed input the resource's replaceOnChanges names replaces it", () => {
    const type = "azure-native:resources:ResourceGroup";
    expect(
      step(type, { tags: { a: "1" } }, { tags: { a: "2" } }, { replaceOnChanges: ["tags"] }),
    ).to.deep.include({ op: "replace", replaces: ["tags.a"] });
  });

  it("any changed input of a random resource replaces it (the random provider has no update)", () => {
    expect(step("random:index/randomString:RandomString", { length: 6 }, { length: 8 })).to.deep.include({
      op: "replace",
      replaces: ["length"],
    });
  });

  it("a changed name in a resource's ARM path replaces it; a changed property of its body updates it", () => {
    const type = "azure-native:storage:StorageAccount";
    const was = { resourceGroupName: "rg", accountName: "sta", tags: { a: "1" } };
    expect(step(type, was, { ...was, accountName: "stb" })).to.deep.include({
      op: "replace",
      replaces: ["accountName"],
    });
    expect(step(type, was, { ...was, resourceGroupName: "rg2" }).op).to.equal("replace");
    expect(step(type, was, { ...was, tags: { a: "2" } }).op).to.equal("update");
  });

  it("a kept secret given back to a preview's outputs is unknown, as the engine has it; the fake Azure gets a masked stand-in", () => {
    const kept = keptValue({ k: { [secretSigKey]: secretSig, value: "p@ss" } }, key) as Record<
      string,
      unknown
    >;
    expect(restoredValue(kept, "unknown")).to.deep.equal({ k: unknownSentinel });
    expect(restoredValue(kept, "masked")).to.deep.equal({
      k: { [secretSigKey]: secretSig, value: "[secret]" },
    });
  });
});

describe("plan --state: a FIFO at the state path is refused, never waited on", () => {
  let dir: string;
  let fifo: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-state-fifo-"));
    fifo = path.join(dir, "dev.json");
    expect(spawnSync("mkfifo", [fifo]).status).to.equal(0);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("by the check before it is opened: not a regular file", () => {
    expect(() => readPlanState(fifo, { project: "p", stack: "dev" })).to.throw(
      `--state ${fifo} is not a regular file; give a regular file`,
    );
  });

  it("and when it is swapped in after that check, by the open (non-blocking) and its fstat, in a child that would hang otherwise", () => {
    // The child sees the FIFO as a regular file at the lstat check, as if it had been swapped in just after.
    const child = `
      const fs = require("fs");
      const lstat = fs.lstatSync;
      fs.lstatSync = (f) => (f === ${JSON.stringify(fifo)} ? lstat(${JSON.stringify(__filename)}) : lstat(f));
      try { require("./plan/planState").readPlanState(${JSON.stringify(fifo)}, { project: "p", stack: "dev" }); }
      catch (e) { process.stdout.write(e.message); }`;
    const result = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", child], {
      cwd: path.join(__dirname, "..", ".."),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.signal, "the read waited on the FIFO").to.equal(null);
    expect(result.stdout).to.contain(
      `--state ${fifo}: not a state file this plan wrote (not a regular file)`,
    );
  });
});
