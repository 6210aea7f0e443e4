import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diagramText } from "../../plan/diagramFile";
import { runCli } from "../../plan/planCommand";
import { compiledPack } from "../../plan/compiledPack";
import { exitCodeOf, planProgram, type PlanDocument } from "../../plan/plan";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { textReport } from "../../plan/textReport";
import { topologySvg } from "../../plan/topologySvg";
import { parseMermaid } from "./mermaidParser";
import { paragraphOf, unwrapped } from "./textParagraph";
import { svgGraph } from "./svgGraph";

const fixture = path.join(__dirname, "fixtures", "two-vnets");
const packDir = path.join(__dirname, "fixtures", "pack");
const repoRoot = path.resolve(__dirname, "..", "..");
/** The plan command as `npm run plan` runs it. */
const cliBin = require.resolve("ts-node/dist/bin");
const cliEntry = path.join(repoRoot, "plan", "cli.ts");

let session: PolicyPackSession;
const plans: Record<string, PlanDocument> = {};

function table(doc: PlanDocument, vnet: string) {
  const found = doc.vnets.find((t) => t.vnet === vnet);
  if (!found) throw new Error(`no table for ${vnet}`);
  return found;
}

function row(doc: PlanDocument, vnet: string, endpoint: string) {
  const found = table(doc, vnet).rows.find((r) => r.endpoint === endpoint);
  if (!found) throw new Error(`no row ${endpoint} in ${vnet}`);
  return found;
}

/** Captures what the CLI prints. */
function io() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), session },
  };
}

describe("offline plan (raw azure-native fixture, TypeScript test pack)", () => {
  before(async () => {
    session = await PolicyPackSession.start({ packDir: compiledPack(packDir).dir, project: "plan-fixture" });
    plans.good = await planProgram(fixture, { stack: "good", session });
    plans.bad = await planProgram(fixture, { stack: "bad", session });
    plans.preview = await planProgram(fixture, { stack: "good", session, preview: true });
  });

  after(async () => {
    await session?.stop();
  });

  it("draws the resource tree like pulumi preview, with protect markers and counts by type", () => {
    const doc = plans.good;
    expect(doc).to.include({ project: "plan-fixture", stack: "good", mode: "update" });
    expect(doc.program).to.equal(path.join(fixture, "index.ts"));
    const lines = doc.resources.map(
      (r) => `${r.prefix}${r.type} ${r.name}${r.protect ? " [protected]" : ""}`,
    );
    expect(lines[0]).to.equal("pulumi:pulumi:Stack plan-fixture-good");
    expect(lines).to.include.members([
      "├─ fixture:index:ClientAccess clients",
      "│  ├─ azure-native:network:PrivateEndpoint pe-ws-clients",
      "│  └─ azure-native:network:PrivateDnsZoneGroup pe-ws-clients-zones",
      "├─ azure-native:network:VirtualNetwork vnet-services [protected]",
      "├─ azure-native:network:VirtualNetwork vnet-clients",
    ]);
    expect(lines[lines.length - 1]).to.match(/^└─ /);
    expect(doc.resources.find((r) => r.name === "pe-ws-clients")?.depth).to.equal(2);
    expect(doc.counts).to.deep.equal({
      total: 23,
      byType: {
        "azure-native:machinelearningservices:Workspace": 1,
        "azure-native:network:PrivateDnsZoneGroup": 3,
        "azure-native:network:PrivateEndpoint": 3,
        "azure-native:network:Subnet": 1,
        "azure-native:network:VirtualNetwork": 2,
        "azure-native:privatedns:PrivateZone": 3,
        "azure-native:privatedns:VirtualNetworkLink": 6,
        "azure-native:resources:ResourceGroup": 1,
        "azure-native:storage:StorageAccount": 1,
        "fixture:index:ClientAccess": 1,
        "pulumi:pulumi:Stack": 1,
      },
    });
  });

  it("tables each VNet's endpoints: target, group id, IPs from the subnet, FQDNs, zones and links", () => {
    const doc = plans.good;
    expect(doc.vnets.map((t) => [t.vnet, t.addressPrefixes, t.rows.length])).to.deep.equal([
      ["vnet-services", ["10.10.0.0/16"], 2],
      ["vnet-clients", ["10.20.0.0/16"], 1],
    ]);
    const ws = row(doc, "vnet-services", "pe-ws-services");
    expect(ws).to.deep.include({
      targets: ["ML workspace 'ws'"],
      groupIds: ["amlworkspace"],
      privateIps: ["10.10.1.4", "10.10.1.5", "10.10.1.6"],
      zones: [
        { zone: "privatelink.api.azureml.ms", linked: true },
        { zone: "privatelink.notebooks.azure.net", linked: true },
      ],
    });
    expect(ws.dns.map((d) => d.fqdn)).to.satisfy((fqdns: string[]) =>
      [
        /\.workspace\.westeurope\.api\.azureml\.ms$/,
        /\.cert\.api\.azureml\.ms$/,
        /\.notebooks\.azure\.net$/,
      ].every((re, i) => re.test(fqdns[i])),
    );
    expect(row(doc, "vnet-services", "pe-blob-services")).to.deep.include({
      targets: ["storage account 'st'"],
      groupIds: ["blob"],
      privateIps: ["10.10.1.7"],
      dns: [{ fqdn: "stplan.blob.core.windows.net", ipAddresses: ["10.10.1.7"] }],
      zones: [{ zone: "privatelink.blob.core.windows.net", linked: true }],
    });
    // The clients endpoint sits in the VNet's inline subnet: IPs come from that prefix.
    expect(row(doc, "vnet-clients", "pe-ws-clients").privateIps).to.deep.equal([
      "10.20.1.4",
      "10.20.1.5",
      "10.20.1.6",
    ]);
  });

  it("applies stack config over Pulumi.yaml defaults: another prefix, and unlinked zones show as not linked", () => {
    const clients = row(plans.bad, "vnet-clients", "pe-ws-clients");
    expect(clients.privateIps).to.deep.equal(["10.20.8.4", "10.20.8.5", "10.20.8.6"]);
    expect(clients.zones.map((z) => z.linked)).to.deep.equal([false, false]);
    expect(row(plans.bad, "vnet-services", "pe-ws-services").zones.map((z) => z.linked)).to.deep.equal([
      true,
      true,
    ]);
  });

  it("groups the pack's findings by level; a mandatory one makes the exit code non-zero", () => {
    expect(plans.good.policyPack).to.deep.equal({ name: "plan-test-pack", version: "1.2.3" });
    expect(plans.good.findings.mandatory).to.deep.equal([]);
    expect(plans.good.findings.advisory.map((f) => [f.policy, f.type, f.name])).to.deep.equal([
      ["workspace-hbi", "azure-native:machinelearningservices:Workspace", "ws"],
    ]);
    expect(exitCodeOf(plans.good)).to.equal(0);
    const [mandatory] = plans.bad.findings.mandatory;
    expect(plans.bad.findings.mandatory).to.have.length(1);
    expect(mandatory).to.include({ policy: "storage-public-access", name: "st" });
    expect(mandatory.message).to.contain("publicNetworkAccess is Enabled");
    expect(exitCodeOf(plans.bad)).to.equal(1);
  });

  it("at preview, ids and IPs are unknown but endpoints still land in their VNets through dependencies", () => {
    const doc = plans.preview;
    expect(doc.mode).to.equal("preview");
    // The same registrations; their order may differ as outputs resolve differently at preview.
    expect(doc.resources.map((r) => r.urn).sort()).to.deep.equal(
      plans.good.resources.map((r) => r.urn).sort(),
    );
    expect(doc.resources.every((r) => r.id === undefined)).to.equal(true);
    expect(doc.vnets.map((t) => [t.vnet, t.rows.map((r) => r.endpoint).sort()])).to.deep.equal([
      ["vnet-services", ["pe-blob-services", "pe-ws-services"]],
      ["vnet-clients", ["pe-ws-clients"]],
    ]);
    expect(doc.vnets.flatMap((t) => t.rows.flatMap((r) => r.privateIps))).to.deep.equal([]);
    const clients = paragraphOf(textReport(doc), "VNet vnet-clients");
    expect(clients).to.match(/^ +pe-ws-clients +ML workspace 'ws' +amlworkspace +unknown$/m);
    expect(clients).to.match(/^ {4}zones [^:]*: privatelink\.api\.azureml\.ms,/m);
  });

  it("prints the text report: tree, counts, VNet tables, findings and timings", () => {
    const text = textReport(plans.bad);
    expect(text).to.match(
      /^ \+ {2}├─ azure-native:network:VirtualNetwork +vnet-services +create +protected$/m,
    );
    // Without the clients VNet's three links: 20 to create, 3 of them private endpoints.
    expect(unwrapped(paragraphOf(text, "Resources by type"))).to.match(
      /^Resources by type, 20 to create: .*, 3 PrivateEndpoint,/,
    );
    expect(text).to.match(/^VNet vnet-clients \(10\.20\.0\.0\/16\)$/m);
    // One line per endpoint; the zones its endpoints write into, by whether they are linked to the VNet.
    const clients = paragraphOf(text, "VNet vnet-clients");
    expect(clients).to.match(
      /^ +pe-ws-clients +ML workspace 'ws' +amlworkspace +10\.20\.8\.4, 10\.20\.8\.5, 10\.20\.8\.6$/m,
    );
    expect(clients).to.match(/^ {4}zones NOT linked to this VNet: privatelink\.api\.azureml\.ms,/m);
    expect(Math.max(...text.split("\n").map((l) => l.length))).to.be.at.most(120);
    expect(text).to.match(
      /Mandatory: 1\n {4}\[mandatory\] storage-public-access {2}\(azure-native:storage:StorageAccount: st\)/,
    );
    expect(text).to.match(/Advisory: 1\n {4}\[advisory\] workspace-hbi/);
    expect(text).to.match(/^Planned in \d+ ms: program \d+ ms/m);
  });

  it("writes a Mermaid diagram that mermaid's parser accepts, and the check rejects a broken one", async () => {
    const diagram = plans.good.diagram;
    expect(diagram).to.match(/^flowchart LR\n/);
    expect(diagram).to.match(
      /subgraph n\d+\["VNet vnet-services<br\/>10\.10\.0\.0\/16<br\/>DNS: Azure DNS \+ linked zones"\]/,
    );
    expect(diagram).to.contain('{{"privatelink.notebooks.azure.net"}}');
    expect(diagram.match(/---\|"linked"\|/g)).to.have.length(6);
    expect(plans.bad.diagram.match(/---\|"linked"\|/g)).to.have.length(3);
    await parseMermaid(diagram);
    await parseMermaid(plans.preview.diagram);
    const broken = diagram.replace(/ --> /, " -->|unclosed ");
    let error: unknown;
    await parseMermaid(broken).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/Parse error/);
  });

  it("CLI: --json prints the document, --diagram writes the file, exit codes follow the findings", async () => {
    const diagramFile = path.join(os.tmpdir(), `plan-test-${process.pid}.mmd`);
    const good = io();
    expect(await runCli([fixture, "--stack", "good", "--json", "--diagram", diagramFile], good.io)).to.equal(
      0,
    );
    const doc = JSON.parse(good.out.stdout) as PlanDocument;
    expect(Object.keys(doc)).to.deep.equal([
      "project",
      "stack",
      "program",
      "mode",
      "policyPack",
      "resources",
      "counts",
      "vnets",
      "managedNetworks",
      "findings",
      "diagram",
      "topology",
      "timings",
    ]);
    expect(doc.vnets).to.deep.equal(plans.good.vnets);
    expect(doc.counts).to.deep.equal(plans.good.counts);
    expect(Object.values(doc.timings).every((ms) => typeof ms === "number" && ms >= 0)).to.equal(true);
    expect(fs.readFileSync(diagramFile, "utf8")).to.equal(doc.diagram);
    fs.rmSync(diagramFile);

    const bad = io();
    expect(await runCli([fixture, "--stack=bad"], bad.io)).to.equal(1);
    expect(bad.out.stdout).to.contain("[mandatory] storage-public-access");

    const usage = io();
    expect(await runCli([fixture, "--bogus"], usage.io)).to.equal(2);
    expect(usage.out.stderr).to.contain("Unknown option '--bogus'");
    // The failing program is re-run with stack traces, so the report says where it failed.
    const failing = io();
    expect(await runCli([path.join(__dirname, "fixtures", "failing")], failing.io)).to.equal(2);
    expect(failing.out.stderr).to.match(
      /address prefix 10\.0\.0\.0 is not a CIDR\n\s+at checkPrefix \(.*fixtures\/failing\/index\.ts:7/,
    );
    const missing = io();
    expect(await runCli(["no-such-stack"], { ...missing.io, session: undefined })).to.equal(2);
    expect(missing.out.stderr).to.match(
      /^error: unknown stack 'no-such-stack': no stack file .*Pulumi\.no-such-stack\.yaml; stacks: /,
    );
  });

  it("CLI: --diagram picks SVG, Mermaid or Markdown by extension, --html writes the page; an unknown extension is a usage error", async () => {
    const base = path.join(os.tmpdir(), `plan-test-${process.pid}`);
    const files = { svg: `${base}.svg`, html: `${base}.html` };
    const run = io();
    expect(
      await runCli([fixture, "--stack", "good", "--diagram", files.svg, "--html", files.html], run.io),
    ).to.equal(0);
    const svg = fs.readFileSync(files.svg, "utf8");
    expect(svg).to.equal(await topologySvg(plans.good.topology));
    expect([...svgGraph(svg).nodes.values()].map((l) => l[0])).to.include.members([
      "VNet vnet-services",
      "VNet vnet-clients",
      "pe-ws-clients",
      "privatelink.api.azureml.ms",
    ]);
    const html = fs.readFileSync(files.html, "utf8");
    expect(html).to.match(/^<!DOCTYPE html>/);
    expect(html).to.contain("<caption>VNet vnet-clients (10.20.0.0/16)</caption>");
    expect(html).to.contain("<svg");
    expect(run.out.stdout).to.contain("Previewing update (good)");
    // Markdown and Mermaid come from the same document: no second plan needed.
    expect(await diagramText(plans.good, `${base}.md`)).to.equal(
      "```mermaid\n" + plans.good.diagram + "```\n",
    );
    for (const file of Object.values(files)) fs.rmSync(file);

    const usage = io();
    expect(await runCli([fixture, "--diagram", `${base}.png`], usage.io)).to.equal(2);
    expect(usage.out.stderr).to.match(
      /^--diagram \S+\.png: the extension picks the format; use one of \.svg, \.mmd, \.md\n/,
    );
  });

  it("CLI: a user mistake prints one message without a stack trace and exits 2 (invalid component arguments listed per property, a stack value of the wrong type)", async () => {
    const program = path.join(__dirname, "fixtures", "invalid-args");
    const args = io();
    expect(
      await runCli([program, "--stack", "bad-args", "--no-policy-pack"], { ...args.io, session: undefined }),
    ).to.equal(2);
    expect(args.out.stderr).to.equal(
      [
        'error: Invalid arguments for SecuredWorkspace "ml":',
        `  - workspaceName: "ml workspace!" is not a valid workspace name; use 3 to 33 characters: letters, digits, '_' and '-', starting with a letter or digit`,
        '  - allowedIpRanges[0]: "10.0.0.0/8" is not allowed: it overlaps 10.0.0.0/8 (private); only public internet addresses are allowed',
        "",
      ].join("\n"),
    );
    const type = io();
    expect(
      await runCli([program, "--stack", "bad-type", "--no-policy-pack"], { ...type.io, session: undefined }),
    ).to.equal(2);
    expect(type.out.stderr).to.equal(
      `error: ${path.join(program, "Pulumi.bad-type.yaml")}: config plan-invalid-args:computeCount is "three", but Pulumi.yaml declares it integer: set a whole number\n`,
    );
  });

  it("CLI as a process: stack traces of a failing program point into its .ts, whether transpiled or from the cache", () => {
    // The first run may fill the transpile cache, the second reads from it.
    for (const run of [1, 2]) {
      const result = spawnSync(
        process.execPath,
        [
          cliBin,
          "--transpile-only",
          cliEntry,
          path.join(__dirname, "fixtures", "failing"),
          "--no-policy-pack",
        ],
        { cwd: repoRoot, encoding: "utf8", timeout: 30_000 },
      );
      expect(result.status, `run ${run}`).to.equal(2);
      expect(result.stderr, `run ${run}`).to.match(/at checkPrefix \(.*fixtures\/failing\/index\.ts:7:36\)/);
    }
  });

  it("CLI as a process: an unknown stack is one line on stderr, exit 2, no stack trace", () => {
    const result = spawnSync(process.execPath, [cliBin, "--transpile-only", cliEntry, "nonexistent"], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).to.equal(2);
    expect(result.stdout).to.equal("");
    expect(result.stderr).to.match(
      /^error: unknown stack 'nonexistent': no stack file \S+\/stacks\/Pulumi\.nonexistent\.yaml; stacks: data-factory-managed-vnet, hub-dns, .*single-vnet, usgov-isolated-clients\n$/,
    );
  });

  it("CLI as a process: a FIFO at the state path is refused at once (no hang), a stack name leading out of the state directory is a usage error, both exit 2", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-state-process-"));
    try {
      spawnSync("mkfifo", [path.join(dir, "single-vnet.json")]);
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, [cliBin, "--transpile-only", cliEntry, ...args], {
          cwd: repoRoot,
          encoding: "utf8",
          timeout: 60_000,
        });
      const fifo = cli("single-vnet", "--no-policy-pack", "--state", `${dir}/`);
      expect(fifo.status, fifo.stderr).to.equal(2);
      expect(fifo.stderr).to.match(/^error: --state \S+single-vnet\.json is not a regular file; [^\n]*\n$/);
      const escaped = cli(fixture, "--stack", "../../escaped", "--state", `${dir}/`);
      expect(escaped.status).to.equal(2);
      expect(escaped.stderr).to.match(/^--stack "\.\.\/\.\.\/escaped": stack names are limited/);
      expect(fs.readdirSync(dir)).to.deep.equal(["single-vnet.json"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("CLI as a process: serves the TypeScript pack itself with --policy-pack-config, exits 1 on a mandatory finding", () => {
    const configFile = path.join(os.tmpdir(), `plan-test-${process.pid}.json`);
    fs.writeFileSync(configFile, JSON.stringify({ "workspace-hbi": "mandatory" }));
    const result = spawnSync(
      process.execPath,
      [
        cliBin,
        "--transpile-only",
        cliEntry,
        fixture,
        "--stack",
        "bad",
        "--json",
        "--policy-pack",
        packDir,
        "--policy-pack-config",
        configFile,
      ],
      { cwd: repoRoot, encoding: "utf8", timeout: 30_000 },
    );
    fs.rmSync(configFile);
    expect(result.stderr).to.equal("");
    expect(result.status).to.equal(1);
    const doc = JSON.parse(result.stdout) as PlanDocument;
    expect(doc.findings.mandatory.map((f) => f.policy).sort()).to.deep.equal([
      "storage-public-access",
      "workspace-hbi",
    ]);
    expect(doc.findings.advisory).to.deep.equal([]);
    expect(doc.timings.packStartMs).to.be.greaterThan(0);
  });
});
