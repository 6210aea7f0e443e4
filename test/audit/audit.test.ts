/**
 * The audit command over exports in Azure Resource Graph's shape, with the real pack: the fixture estates'
 * verdicts and exit codes, input mistakes (exit 2, one message naming the file, row and field), hostile values
 * inert in every output, the estate's words for what it does not hold, the picture's title and groups.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditEstate } from "../../plan/audit/auditEstate";
import { auditPage } from "../../plan/audit/auditPage";
import { readExport } from "../../plan/audit/argExport";
import { runAudit } from "../../plan/audit/auditCommand";
import { estateNotes } from "../../plan/audit/estateNotes";
import { compiledPack } from "../../plan/compiledPack";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { writeSyntheticEstate } from "../../bench/syntheticEstate";
import { argRowOfGet } from "./argExportOf";
import { specExamples } from "./argRows.test";
import { fixtureEstates, fixtureEstatesDir } from "./fixtureEstates";

const filesOf = (name: string) =>
  fs
    .readdirSync(path.join(fixtureEstatesDir, name))
    .sort()
    .map((f) => path.join(fixtureEstatesDir, name, f));

describe("audit: an Azure Resource Graph export through the pack", function () {
  this.timeout(120_000);
  let session: PolicyPackSession;
  let dir: string;
  before(async () => {
    session = await PolicyPackSession.start({ packDir: compiledPack("policy").dir, dryRun: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-"));
  });
  after(async () => session?.stop());

  async function audit(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await runAudit(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), session });
    return { code, out, err };
  }

  const write = (file: string, value: unknown) => {
    const full = path.join(dir, file);
    fs.writeFileSync(full, typeof value === "string" ? value : JSON.stringify(value));
    return full;
  };

  for (const estate of fixtureEstates) {
    it(`${estate.name}: mandatory ${JSON.stringify(estate.mandatory)}, exit ${estate.mandatory.length ? 1 : 0}`, async () => {
      await session.configure(estate.packConfig ?? {});
      const { code, out } = await audit([...filesOf(estate.name), "--json"]);
      const doc = JSON.parse(out) as { findings: { mandatory: { policy: string }[] } };
      expect(doc.findings.mandatory.map((f) => f.policy)).to.deep.equal(estate.mandatory);
      expect(code).to.equal(estate.mandatory.length ? 1 : 0);
    });
  }

  it("says what the export lacks: companion files not given, pages missing", async () => {
    await session.configure({});
    const [page] = filesOf("isolated-all-zones").filter((f) => !f.endsWith("companions.json"));
    // The first of two pages: its skip_token names the next, its total_records counts both.
    const first = JSON.parse(fs.readFileSync(page, "utf8")) as { total_records: number };
    const { code, out } = await audit([
      write("first-page.json", { ...first, skip_token: "next", total_records: 2 * first.total_records }),
    ]);
    expect(out).to.include("Not in the export:");
    expect(out).to.include("pages are missing");
    expect(out).to.include("and no private DNS zone groups in the input");
    // Without the zone groups the endpoints are judged as having none: a finding, never a pass.
    expect(code).to.equal(1);
  });

  it("accepts the files in any order, split, and a repeated row once (ids compared case-insensitively)", async () => {
    await session.configure({});
    const files = filesOf("isolated-all-zones");
    const companions = JSON.parse(fs.readFileSync(files[files.length - 1], "utf8")) as Record<
      string,
      unknown
    >[];
    const first = write("c1.json", companions.slice(0, 4));
    const rest = write("c2.json", {
      value: companions.slice(2).map((c) => ({ ...c, id: String(c.id).toUpperCase() })),
    });
    const a = JSON.parse((await audit([...files, "--json"])).out) as { findings: unknown; counts: unknown };
    const b = JSON.parse((await audit([rest, ...files.slice(0, -1), first, "--json"])).out) as typeof a;
    expect(b.counts).to.deep.equal(a.counts);
    expect(b.findings).to.deep.equal(a.findings);
  });

  describe("input mistakes: exit 2, one message naming the file, row and field", () => {
    const cases: [string, unknown, string][] = [
      ["not JSON", "{ not json", "not JSON"],
      ["truncated", '{"count": 2, "data": [{"id": "/subscriptions/s', "not JSON (truncated?)"],
      ["not ARG rows", { rows: [] }, "not an Azure Resource Graph export"],
      ["a row that is no object", [42], "row 0: expected a resource row (an object), got 42"],
      ["a row without id", { data: [{ name: "x" }] }, "row 0, field 'id': expected a resource id (a string)"],
      [
        "an id that is none",
        [{ id: "/nope", type: "x" }],
        "row 0, field 'id': \"/nope\" is not an Azure resource id",
      ],
      [
        "a type that is not its id's",
        [{ ...argRowOfGet(specExamples.privateZone.body), type: "microsoft.network/virtualnetworks" }],
        "row 0, field 'type': \"microsoft.network/virtualnetworks\" is not the type of its id",
      ],
      [
        "properties that are no object",
        [{ ...argRowOfGet(specExamples.privateZone.body), properties: "x" }],
        "row 0, field 'properties': expected an object",
      ],
    ];
    for (const [title, content, message] of cases) {
      it(title, async () => {
        const file = write(`${title.replace(/\W+/g, "-")}.json`, content);
        const { code, err } = await audit([file]);
        expect(code).to.equal(2);
        expect(err).to.equal(`error: ${file}: ${err.slice(`error: ${file}: `.length)}`);
        expect(err).to.include(message);
        expect(err.trim().split("\n")).to.have.length(1);
      });
    }

    it("a huge file: one message before reading it", async () => {
      const file = path.join(dir, "huge.json");
      fs.writeFileSync(file, "");
      fs.truncateSync(file, 300 * 1024 * 1024); // sparse: no disk used
      const { code, err } = await audit([file]);
      expect(code).to.equal(2);
      expect(err).to.include("over the 268435456 an export file may have");
    });

    it("a file that is not there, and no file at all", async () => {
      expect((await audit([path.join(dir, "absent.json")])).err).to.include("absent.json: no such file");
      const none = await audit([]);
      expect([none.code, none.err.split("\n")[0]]).to.deep.equal([2, "give at least one export file"]);
    });
  });

  it("without the zone groups, says which endpoints' IPs A records hold (dnsresources), and infers no zone group", () => {
    const [page] = filesOf("isolated-all-zones").filter((f) => !f.endsWith("companions.json"));
    type EndpointRow = {
      type: string;
      properties: {
        customDnsConfigs: { properties: { ipAddresses: string[] } }[];
        networkInterfaces: { id: string }[];
      };
    };
    const rows = (JSON.parse(fs.readFileSync(page, "utf8")) as { data: EndpointRow[] }).data;
    const endpoints = rows.filter((r) => r.type === "microsoft.network/privateendpoints");
    const zone = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones";
    const aRecord = (zoneName: string, name: string, ip: string) => ({
      ...argRowOfGet(specExamples.recordSetA.body),
      id: `${zone}/${zoneName}/A/${name}`,
      properties: { ttl: 10, aRecords: [{ ipv4Address: ip }] },
    });
    // One endpoint's IP from its customDnsConfigs, another's from its NIC (a row of its own).
    const dnsIp = endpoints[0].properties.customDnsConfigs[0].properties.ipAddresses[0];
    const nicId = endpoints[1].properties.networkInterfaces[0].id;
    const nic = {
      ...argRowOfGet(specExamples.networkInterface.body),
      id: nicId,
      properties: { ipConfigurations: [{ name: "c", properties: { privateIPAddress: "10.99.0.7" } }] },
    };
    const notesOf = (extra: unknown[]) =>
      estateNotes(readExport([page, write("records.json", [...extra, nic])])).join("\n");
    const with2 = notesOf([
      aRecord("privatelink.azurecr.io", "a", dnsIp),
      aRecord("privatelink.vaultcore.azure.net", "b", "10.99.0.7"),
    ]);
    expect(with2).to.include(
      "2 private endpoints have A records in private DNS zones (privatelink.azurecr.io, privatelink.vaultcore.azure.net) holding their IPs",
    );
    expect(with2).to.include("whether a zone group keeps them is unknown");
    // A record of another IP says nothing of any endpoint.
    expect(notesOf([aRecord("privatelink.azurecr.io", "c", "192.0.2.1")])).to.not.include("A records");
  });

  it("keeps hostile names, ids and values inert in the text, the JSON and the page", async () => {
    await session.configure({});
    const hostile = "x<script>alert(1)</script>\u001b[2J\u202e";
    const vnet = argRowOfGet(specExamples.virtualNetwork.body);
    const id = String(vnet.id).replace("test-vnet", encodeURIComponent(hostile).replace(/%/g, "") + "<img>");
    const file = write("hostile.json", [
      {
        ...vnet,
        id,
        name: hostile,
        tags: { owner: hostile },
        properties: { ...(vnet.properties as object), note: hostile },
      },
    ]);
    const html = path.join(dir, "hostile.html");
    const { out } = await audit([file, "--html", html]);
    expect(out).to.not.include("\u001b");
    expect(out).to.not.include("\u202e");
    const page = fs.readFileSync(html, "utf8");
    expect(page).to.not.include("<script>alert");
    expect(page).to.not.include("<img>");
    expect(page).to.include("&lt;img&gt;");
  });

  it("a hub outside the export is 'outside the estate': unknown, never broken (exit 0, resolution unverified)", async () => {
    await session.configure({});
    const files = filesOf("hub-spoke-resolver");
    const rows = files
      .filter((f) => !f.endsWith("companions.json"))
      .flatMap(
        (f) => (JSON.parse(fs.readFileSync(f, "utf8")) as { data: { id: string; type: string }[] }).data,
      )
      .filter(
        (r) =>
          !r.id.includes("contoso-ml-weu-hub-vnet") && !r.type.startsWith("microsoft.network/dnsresolvers"),
      );
    const { code, out } = await audit([write("no-hub.json", rows), files[files.length - 1], "--json"]);
    expect(code).to.equal(0);
    const doc = JSON.parse(out) as { findings: { advisory: { policy: string }[] }; vnets: unknown[] };
    expect(doc.findings.advisory.map((f) => f.policy)).to.include("dns-resolution-unverified");
    expect(out).to.include(
      "which no resolver, firewall or VM of the estate holds (outside the estate: not verified)",
    );
    expect(out).to.include(
      "VNet 'contoso-ml-weu-hub-vnet' (resource group rg-mlw-hubspoke, outside this estate)",
    );
    expect(JSON.stringify([doc.findings, doc.vnets])).to.not.match(/stack/);
  });

  it("titles the picture and the page by subscription, with resource groups as groups, in the audit's words", async () => {
    await session.configure({});
    const { code, out } = await audit([...filesOf("spoke-without-peering"), "--json"]);
    expect(code).to.equal(1);
    const doc = JSON.parse(out) as Parameters<typeof auditPage>[0];
    expect(doc.topology.title).to.equal(
      "Network and private DNS of subscription 00000000-1111-2222-3333-444444444444",
    );
    expect(doc.topology.clusters.filter((c) => c.kind === "resourceGroup").map((c) => c.lines[0])).to.include(
      "resource group rg-mlw-hubspoke",
    );
    const page = auditPage(doc, "<svg></svg>");
    expect(page).to.include("<h1>Audit of subscription 00000000-1111-2222-3333-444444444444</h1>");
    expect(page).to.include("the estate fails");
    for (const planWords of ["Plan of stack", "pulumi preview", "fake Azure", "to create", ">create<"])
      expect(page, planWords).to.not.include(planWords);
  });

  it("reports a violation at level remediate: nothing is deployed, so nothing remediates it", async () => {
    await session.configure({ "storage-blob-public-access-disallowed": "remediate" });
    const account = argRowOfGet(specExamples.storageAccount.body);
    const file = write("public-blobs.json", [
      { ...account, properties: { ...(account.properties as object), allowBlobPublicAccess: true } },
    ]);
    const { code, out } = await audit([file, "--json"]);
    const doc = JSON.parse(out) as { findings: { mandatory: { policy: string }[] } };
    // The engine shows a violation Analyze reports at level remediate as mandatory (it could not remediate it).
    expect(doc.findings.mandatory.map((f) => f.policy)).to.deep.equal([
      "storage-blob-public-access-disallowed",
    ]);
    expect(code).to.equal(1);
    await session.configure({});
  });

  it("reads an estate of a few thousand rows (the 20,000-row figure is in docs/benchmarks.md)", async () => {
    await session.configure({});
    const { files, rows } = writeSyntheticEstate(500, path.join(dir, "synthetic"));
    const began = performance.now();
    const doc = await auditEstate(files, { session });
    expect(doc.estate.resources).to.equal(rows);
    expect(doc.vnets.length).to.equal(2 * Math.ceil(500 / 51));
    expect(performance.now() - began).to.be.below(60_000);
  });
});
