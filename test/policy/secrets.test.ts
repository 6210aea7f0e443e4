/**
 * Secrets stay secret: the value-reading layer unwraps `Secret` and records its text, and what leaves the pack
 * or the plan masks it (and each part of it a rule may quote) as `[secret]`.
 */
import { expect } from "chai";
import { Secret } from "@pulumi/policy";
import { buildModel } from "../../policy/model/buildModel";
import { redactDeep, redactSecrets } from "../../policy/model/secrets";
import { toPlain, unknown } from "../../policy/model/values";
import { quotedTexts } from "../../policy/pack/message";
import { resolveStackConfig } from "../../plan/stackConfig";

// The proxy @pulumi/policy hands policies their props in (internal to it, so not in its typings).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy<T>(value: T): T };

const secrets = (...texts: string[]) => new Set(texts);

describe("secrets", () => {
  describe("masking (redactSecrets)", () => {
    it("masks a secret wherever it occurs, and each part of it (3+ characters) standing as a word", () => {
      const s = secrets("partner.example.net:8443");
      expect(redactSecrets("rule reaches port 8443 of 'partner.example.net'", s)).to.equal(
        "rule reaches port [secret] of '[secret]'",
      );
      expect(redactSecrets("destination partner.example.net:8443.", s)).to.equal("destination [secret].");
      // A part inside a longer word is another word: left as it is.
      expect(redactSecrets("port 84430 of xpartner.example.net", s)).to.equal(
        "port 84430 of xpartner.example.net",
      );
    });

    it("masks a secret ARM id as one [secret], and its resource names alone, never the words every id shares", () => {
      const rg = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml";
      const s = secrets(`${rg}/providers/Microsoft.Network/virtualNetworks/vnet-secret`);
      const other = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet-other`;
      expect(
        redactSecrets(
          `peering to ${rg}/providers/Microsoft.Network/virtualNetworks/VNET-SECRET/subnets/a, ${other}; VNet 'vnet-secret'`,
          s,
        ),
      ).to.equal(`peering to [secret]/subnets/a, ${other}; VNet '[secret]'`);
    });

    it("ignores case, and treats the secret's characters literally (no pattern is built from it)", () => {
      expect(redactSecrets("HOST-A.Example.COM is named", secrets("host-a.example.com"))).to.equal(
        "[secret] is named",
      );
      expect(redactSecrets("a.b(c)*+ and axb", secrets("a.b(c)*+"))).to.equal("[secret] and axb");
    });

    it("masks overlapping secrets once, and a short part (a CIDR length) only within the whole", () => {
      expect(redactSecrets("'10.77.66.0/24' in 16.17.18.0/24", secrets("10.77.66.0/24"))).to.equal(
        "'[secret]' in 16.17.18.0/24",
      );
      expect(redactSecrets("abcdef", secrets("abcd", "cdef"))).to.equal("[secret]");
      expect(redactSecrets("no secret here", secrets())).to.equal("no secret here");
    });

    it("keeps the documents a message quotes verbatim, masking the same word outside them", () => {
      const text =
        'rule is a FQDN rule. Azure ML docs (how-to-managed-network): "FQDN outbound rules only support ports 80 and 443."';
      expect(redactSecrets(text, secrets("FQDN"), quotedTexts)).to.equal(
        'rule is a [secret] rule. Azure ML docs (how-to-managed-network): "FQDN outbound rules only support ports 80 and 443."',
      );
    });

    it("masks every string of plain data, keeping its keys and other values", () => {
      expect(
        redactDeep({ host: ["a secret-host"], n: 1, "secret-host": true }, secrets("secret-host")),
      ).to.deep.equal({ host: ["a [secret]"], n: 1, "secret-host": true });
    });
  });

  describe("the value-reading layer", () => {
    it("unwraps a secret, through the pack's unknown-checking proxy, recording its strings and numbers", () => {
      const found = new Set<string>();
      const props = unknownCheckingProxy({
        a: new Secret("host:8443"),
        b: new Secret({ port: 8443, on: true, list: ["x1"] }),
        c: "plain",
        d: new Secret("04da6b54-80e4-46f7-96ec-b56ff0331ba9"),
        // The engine's unknowns of other types, nested: what the proxy throws on reads as unknown.
        e: ["x", "3eeb2bf0-c639-47a8-9e75-3b44932eb421", { on: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7" }],
        f: { list: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", obj: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff" },
      });
      expect(toPlain(props, found)).to.deep.equal({
        a: "host:8443",
        b: { port: 8443, on: true, list: ["x1"] },
        c: "plain",
        d: unknown,
        e: ["x", unknown, { on: unknown }],
        f: { list: unknown, obj: unknown },
      });
      expect([...found].sort()).to.deep.equal(["8443", "host:8443", "x1"]);
    });

    it("the model gathers the secrets of every resource it reads", () => {
      const model = buildModel([
        {
          type: "azure-native:machinelearningservices:Workspace",
          urn: "urn:pulumi:s::p::azure-native:machinelearningservices:Workspace::mlw",
          name: "mlw",
          props: {
            resourceGroupName: "rg",
            workspaceName: "mlw",
            managedNetwork: new Secret({
              isolationMode: "AllowOnlyApprovedOutbound",
              outboundRules: { r: { type: "FQDN", destination: "h.example:8443" } },
            }),
          },
        },
      ]);
      expect(model.outboundRules.map((r) => r.fqdn)).to.deep.equal(["h.example:8443"]);
      expect(model.secrets).to.include("h.example:8443");
      expect(model.secrets).to.not.include("mlw");
    });
  });

  it("a config type error does not print the value of a key declared secret", () => {
    const project = { token: { type: "integer", secret: true }, count: { type: "integer" } };
    expect(() => resolveStackConfig("proj", project, { token: "s3cr3t-value", count: 1 })).to.throw(
      "config proj:token is [secret], but Pulumi.yaml declares it integer: set a whole number",
    );
  });
});
