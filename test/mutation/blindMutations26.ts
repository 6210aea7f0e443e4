/**
 * Issue 26 item 8's blind mutation check: one-line breaks of the plan's state, changes, tables, reports and fake
 * Azure, written from the production code and docs/plan.md only, without reading the tests that judge them (the
 * test files are chosen by name). Run: `npx ts-node --transpile-only test/mutation/mutate.ts --list blind26
 * [name-filter]`; the results are in docs/mutation-26.md.
 */
import type { Mutation } from "./mutate";

const plan = (...files: string[]) => files.map((f) => `test/plan/${f}.test.ts`);
const providedStacks = "test/plan/providedStacks.e2e.ts";

const stateTests = plan("planState", "planInputs", "planMistakes");
const changeTests = plan("planState", "fidelity");
const tableTests = [...plan("resolutionTable", "spokeReport", "textReport"), providedStacks];
const textTests = plan("textReport", "spokeReport", "hostileNames", "unsafeCharacters");
const pageTests = [...plan("planState"), providedStacks, ...plan("topologyDiagram", "hostileNames")];
const fakeTests = plan("fakeAzure", "fakeAzureClassicNic", "fakeInvokes", "planState");

export const blindMutations26: Mutation[] = [
  // ---- planState.ts ----
  {
    name: "state: another stack's state accepted as the baseline",
    file: "plan/planState.ts",
    from: "if (state.project !== identity.project || state.stack !== identity.stack)",
    to: "if (state.project !== identity.project)",
    tests: stateTests,
  },
  {
    name: "state: symlink followed (stat for lstat)",
    file: "plan/planState.ts",
    from: "stat = fs.lstatSync(file);",
    to: "stat = fs.statSync(file);",
    tests: stateTests,
  },
  {
    name: "state: a FIFO passes the regular-file check",
    file: "plan/planState.ts",
    from: "if (!stat.isFile()) {",
    to: "if (!stat.isFile() && !stat.isFIFO()) {",
    tests: stateTests,
  },
  {
    name: "state: FIFO opened blocking (no O_NONBLOCK)",
    file: "plan/planState.ts",
    from: "fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK",
    to: "fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW",
    tests: stateTests,
  },
  {
    name: "state: file created 0644",
    file: "plan/planState.ts",
    from: 'flag: "wx", mode: 0o600',
    to: 'flag: "wx", mode: 0o644',
    tests: stateTests,
  },
  {
    name: "state: copied instead of renamed (temp left, link followed)",
    file: "plan/planState.ts",
    from: "fs.renameSync(temp, file);",
    to: "fs.copyFileSync(temp, file);",
    tests: stateTests,
  },
  {
    name: "state: same path as an output not refused before it exists",
    file: "plan/planState.ts",
    from: "if (path.resolve(a) === path.resolve(b)) return true;",
    to: "",
    tests: stateTests,
  },
  // ---- stateShape.ts ----
  {
    name: "state shape: depth bound off by a lot",
    file: "plan/stateShape.ts",
    from: "export const maxStateDepth = 256;",
    to: "export const maxStateDepth = 100000;",
    tests: stateTests,
  },
  {
    name: "state shape: a resource's type not checked",
    file: "plan/stateShape.ts",
    from: "  type: str,\n",
    to: "  type: optional(str),\n",
    tests: stateTests,
  },
  {
    name: "state shape: resources' entries not checked ([null] accepted)",
    file: "plan/stateShape.ts",
    from: "resources: listOf(resource),",
    to: "resources: listOf((v, at) => v === null || resource(v, at)),",
    tests: stateTests,
  },
  {
    name: "state shape: azure's live/connections not checked",
    file: "plan/stateShape.ts",
    from: "azure: shape({ live: recordOf(object), connections: recordOf(listOf(connection)) }),",
    to: "azure: shape({ live: recordOf(object), connections: optional(recordOf(listOf(connection))) }),",
    tests: stateTests,
  },
  // ---- stateSecrets.ts ----
  {
    name: "state secrets: value written in clear beside its hash",
    file: "plan/stateSecrets.ts",
    from: "      [sigKey]: secretSig,\n      hmac:",
    to: "      [sigKey]: secretSig,\n      value: value.value,\n      hmac:",
    tests: [...stateTests, "test/policy/secrets.test.ts"],
  },
  {
    name: "state secrets: preview's secret output masked instead of unknown",
    file: "plan/stateSecrets.ts",
    from: 'secret === "unknown" ? unknownSentinel :',
    to: 'secret === "masked" ? unknownSentinel :',
    tests: stateTests,
  },
  // ---- stackName.ts / cliArgs.ts ----
  {
    name: "stack name: `..` accepted as a part",
    file: "plan/stackName.ts",
    from: 'p !== "." && p !== ".."',
    to: 'p !== "."',
    tests: stateTests,
  },
  {
    name: "stack name: qualified name's file joined with _",
    file: "plan/stackName.ts",
    from: '`${name.split("/").join("+")}.json`',
    to: '`${name.split("/").join("_")}.json`',
    tests: stateTests,
  },
  {
    name: "cli args: --stack not checked",
    file: "plan/cliArgs.ts",
    from: "if (values.stack !== undefined) checkStackName(values.stack);",
    to: 'if (values.stack !== undefined && values.stack === "") checkStackName(values.stack);',
    tests: stateTests,
  },
  {
    name: "cli args: --state DIR/ of a missing directory not refused",
    file: "plan/cliArgs.ts",
    from: "const dir = /[\\\\/]$/.test(args.state) ? args.state : path.dirname(path.resolve(args.state));",
    to: "const dir = path.dirname(path.resolve(args.state));",
    tests: stateTests,
  },
  // ---- planChanges.ts ----
  {
    name: "changes: West Europe vs westeurope planned as replace",
    file: "plan/planChanges.ts",
    from: 'v.replace(/ /g, "").toLowerCase()',
    to: "v.toLowerCase()",
    tests: changeTests,
  },
  {
    name: "changes: replaceOnChanges ignored",
    file: "plan/planChanges.ts",
    from: "now.replaceOnChanges.some(",
    to: "now.replaceOnChanges.slice(0, 0).some(",
    tests: changeTests,
  },
  {
    name: "changes: protected replace not blocking",
    file: "plan/planChanges.ts",
    from: 'change.op === "replace" && old?.protect && now.protect',
    to: 'change.op === "replace" && old?.protect && !now.protect',
    tests: changeTests,
  },
  {
    name: "changes: protected delete not blocking",
    file: "plan/planChanges.ts",
    from: "deleted.filter((r) => r.protect)",
    to: "deleted.filter((r) => !r.protect)",
    tests: changeTests,
  },
  {
    name: "changes: ignoreChanges ignored",
    file: "plan/planChanges.ts",
    from: "!now.ignoreChanges.some(",
    to: "!now.ignoreChanges.slice(0, 0).some(",
    tests: changeTests,
  },
  {
    name: "changes: a changed secret is same",
    file: "plan/planChanges.ts",
    from: "before.hmac === after.hmac",
    to: "before.hmac !== undefined",
    tests: changeTests,
  },
  {
    name: "changes: a random input updates instead of replacing",
    file: "plan/planChanges.ts",
    from: 'if (pkg === "random") return () => true;',
    to: 'if (pkg === "random") return () => false;',
    tests: changeTests,
  },
  {
    name: "changes: an ARM path name updates instead of replacing",
    file: "plan/planChanges.ts",
    from: "(path ? path.includes(key) :",
    to: "(path ? false :",
    tests: changeTests,
  },
  // ---- resolutionTable.ts / vnetTables.ts ----
  {
    name: "resolution table: a datastore's sub-resource row dropped",
    file: "plan/resolutionTable.ts",
    from: "model.datastoresByWorkspace.get(workspace.key) ?? []",
    to: "(model.datastoresByWorkspace.get(workspace.key) ?? []).slice(0, 0)",
    tests: tableTests,
  },
  {
    name: "resolution table: a client VNet not asked",
    file: "plan/resolutionTable.ts",
    from: "clients.of(w).some((c) => c.vnet === vnet),",
    to: "clients.of(w).some((c) => c.vnet === vnet && false),",
    tests: tableTests,
  },
  {
    name: "VNet tables: linked shown NO where n/a",
    file: "plan/vnetTables.ts",
    from: 'if (!linked && elsewhere) return { zone: name, linked: "n/a" };',
    to: 'if (!linked && elsewhere && vnet === undefined) return { zone: name, linked: "n/a" };',
    tests: tableTests,
  },
  // ---- textReport.ts / htmlReport.ts / unsafeCharacters.ts ----
  {
    name: "text report: an ok row prints its path",
    file: "plan/textReport.ts",
    from: '...(r.status === "ok" ? [] : wrapped(r.via, "          ")),',
    to: '...wrapped(r.via, "          "),',
    tests: textTests,
  },
  {
    name: "text report: the engine's errors not printed",
    file: "plan/textReport.ts",
    from: '...changes.blocked.flatMap((b) => wrapped(`error: ${b.split("\\n").join(" ")}`, "    ")),',
    to: "",
    tests: [...textTests, "test/plan/planState.test.ts"],
  },
  {
    name: "HTML page: a protected replace drawn as passing",
    file: "plan/htmlReport.ts",
    from: "if (mandatory.length === 0 && blocked.length === 0) {",
    to: "if (mandatory.length === 0) {",
    tests: pageTests,
  },
  {
    name: "unsafe characters: bidi embeddings/overrides passed raw",
    file: "plan/unsafeCharacters.ts",
    from: "[0x2028, 0x202e],",
    to: "[0x2028, 0x2029],",
    tests: textTests,
  },
  // ---- fakeAzure.ts / fakeTemplates.ts ----
  {
    name: "fake Azure: secret envelopes read without unwrapping",
    file: "plan/fakeAzure.ts",
    from: "this.answer({ ...args, inputs: secretsOpened(sent) }, secrets);",
    to: "this.answer({ ...args, inputs: sent }, secrets);",
    tests: fakeTests,
  },
  {
    name: "fake Azure: a secret remote VNet id leaves the peering Initiated",
    file: "plan/fakeAzure.ts",
    from: "String((secretsOpened(state.remoteVirtualNetwork) as",
    to: "String((state.remoteVirtualNetwork as",
    tests: fakeTests,
  },
  {
    name: "fake Azure: an unchanged resource's outputs forgotten at preview",
    file: "plan/fakeAzure.ts",
    from: "return live ? { id, state: { ...live, ...inputs } } :",
    to: "return live ? { id, state: { ...inputs } } :",
    tests: fakeTests,
  },
  {
    name: "fake Azure: a secret template's bodies kept in clear",
    file: "plan/fakeAzure.ts",
    from: "...(secret && { properties: { [sigKey]: secretSig, value: resource.properties } }),",
    to: "...(secret && { properties: resource.properties }),",
    tests: [...fakeTests, "test/policy/secrets.test.ts"],
  },
  {
    name: "fake templates: an inherited template parameter evaluated",
    file: "plan/fakeTemplates.ts",
    from: "!Object.hasOwn(parameters, name)",
    to: "!(name in parameters)",
    tests: fakeTests,
  },
  {
    name: "fake templates: resources as an object not refused",
    file: "plan/fakeTemplates.ts",
    from: "const resources = template.resources ?? [];\n  if (!Array.isArray(resources)) throw invalidTemplate(\"the template's 'resources' is not a list\");",
    to: "const resources = (template.resources ?? []) as unknown[];",
    tests: fakeTests,
  },
  {
    name: "fake templates: a null parameter not refused",
    file: "plan/fakeTemplates.ts",
    from: "if (!isObject(parameter)) throw",
    to: "if (parameter === undefined) throw",
    tests: fakeTests,
  },
  {
    name: "fake templates: ARM's InvalidTemplate not raised (another code)",
    file: "plan/fakeTemplates.ts",
    from: 'Code="InvalidTemplate"',
    to: 'Code="BadRequest"',
    tests: fakeTests,
  },
];
