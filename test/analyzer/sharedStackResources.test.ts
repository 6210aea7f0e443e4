/**
 * The pack's AnalyzeStack handler answers exactly as @pulumi/policy's own (its exported
 * makeAnalyzeStackRpcFun) on the same requests — mandatory and advisory findings, config and enforcement
 * levels from Configure, stack tags from ConfigureStack, policies disabled — while reading each resource's
 * message once per request instead of once per stack policy.
 */
import { expect } from "chai";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { organisations } from "../../bench/organisationStack";
import { runOnMocks } from "../../plan/mockRun";
import { stackResource } from "../../plan/policy/analyzerMessages";
import { analyzerResources, type AnalyzerResource } from "../../plan/policy/analyzerResources";
import { configureRequest, type ResolvedPolicyConfig } from "../../plan/policy/policyConfig";
import { shareDeserializedProperties } from "../../policy/pack/sharedDeserialization";
import { shareStackResources } from "../../policy/pack/sharedStackResources";
import { policies } from "../../policy/policies";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const server = require("@pulumi/policy/server");
const grpc = require("@grpc/grpc-js");
const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

type Handler = (call: { request: unknown }, callback: (e: unknown, r?: any) => void) => unknown;
const pack = { name: "azureml-network-isolation", version: "0.1.0", level: "advisory" };

/** The handlers `serve` registers for the Analyzer service, captured without binding a port. */
function servedHandlers(): Record<string, Handler> {
  const prototype = grpc.Server.prototype;
  const [addService, bindAsync] = [prototype.addService, prototype.bindAsync];
  let handlers: Record<string, Handler> | undefined;
  prototype.addService = function (service: unknown, implementation: Record<string, Handler>) {
    if (service === AnalyzerService) handlers = implementation;
  };
  prototype.bindAsync = () => undefined;
  try {
    server.serve(pack.name, pack.version, pack.level, { policies }, undefined);
  } finally {
    prototype.addService = addService;
    prototype.bindAsync = bindAsync;
  }
  if (!handlers) throw new Error("serve registered no Analyzer service");
  return handlers;
}

const call = (handler: Handler, request: unknown): Promise<any> =>
  new Promise((resolve, reject) => {
    void handler({ request }, (e, r) => (e ? reject(e) : resolve(r)));
  });

function stackRequest(resources: readonly AnalyzerResource[]): analyzerPb.AnalyzeStackRequest {
  const req = new analyzerPb.AnalyzeStackRequest();
  req.setResourcesList(resources.map(stackResource));
  return req;
}

/** Counts reads of each resource's options message while `f` runs. */
async function optionReads<T>(f: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const prototype = analyzerPb.AnalyzerResource.prototype;
  const getOptions = prototype.getOptions;
  let reads = 0;
  prototype.getOptions = function (this: analyzerPb.AnalyzerResource) {
    reads++;
    return getOptions.call(this);
  };
  try {
    return { result: await f(), reads };
  } finally {
    prototype.getOptions = getOptions;
  }
}

describe("AnalyzeStack with the stack built once per request", function () {
  this.timeout(60_000);
  let handlers: Record<string, Handler>;
  let original: Handler;
  let stacks: { name: string; resources: AnalyzerResource[] }[];

  before(async () => {
    shareDeserializedProperties();
    shareStackResources();
    handlers = servedHandlers();
    original = server.makeAnalyzeStackRpcFun(pack.name, pack.version, pack.level, policies);
    const program = organisations.components.program({ workspaces: 1, setsPerWorkspace: 2 });
    const preview = analyzerResources((await runOnMocks(program, { preview: true })).graph);
    const update = analyzerResources((await runOnMocks(program, { preview: false })).graph);
    // Public access on the workspace and its storage: mandatory findings from several policies.
    const exposed = update.map((r) =>
      /Workspace$|StorageAccount$/.test(r.type)
        ? { ...r, outputs: { ...r.outputs, publicNetworkAccess: "Enabled" } }
        : r,
    );
    stacks = [
      { name: "preview", resources: preview },
      { name: "update", resources: update },
      { name: "exposed", resources: exposed },
    ];
  });

  const configs: Record<string, Record<string, ResolvedPolicyConfig>> = {
    "no config": {},
    "levels and a disabled policy": {
      "workspace-public-network-access-disabled": { enforcementLevel: "advisory", properties: {} },
      "storage-public-network-access-disabled": { enforcementLevel: "disabled", properties: {} },
      "dns-resolution-unverified": { enforcementLevel: "mandatory", properties: {} },
    },
  };

  for (const [configName, config] of Object.entries(configs)) {
    it(`answers as @pulumi/policy does (${configName})`, async () => {
      await call(handlers.configure, configureRequest(config));
      const tags = new analyzerPb.AnalyzerStackConfigureRequest();
      tags.getTagsMap().set("azureml:private-dns", "azure-policy");
      await call(handlers.configureStack, tags);
      let findings = 0;
      for (const stack of stacks) {
        const ours = await call(handlers.analyzeStack, stackRequest(stack.resources));
        const theirs = await call(original, stackRequest(stack.resources));
        expect(ours.toObject(), stack.name).to.deep.equal(theirs.toObject());
        findings += ours.getDiagnosticsList().length;
      }
      expect(findings).to.be.greaterThan(0);
    });
  }

  it("reads each resource's message once per request, where @pulumi/policy reads it once per stack policy", async () => {
    const { resources } = stacks[1];
    const ours = await optionReads(() => call(handlers.analyzeStack, stackRequest(resources)));
    const theirs = await optionReads(() => call(original, stackRequest(resources)));
    expect(ours.reads).to.equal(resources.length);
    expect(theirs.reads).to.be.greaterThan(10 * resources.length);
  });
});
