/**
 * A policy pack served and driven exactly as the CLI drives it: spawn `run-policy-pack` against a small
 * engine, then Handshake, ConfigureStack, GetAnalyzerInfo, GetPluginInfo and Configure; per resource
 * Remediate then Analyze; at the end AnalyzeStack once with every resource. Start once, check many graphs.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { RecordedGraph } from "../mockRun";
import { AnalyzerClient } from "./analyzerClient";
import { analyzeRequest, analyzeStackRequest } from "./analyzerMessages";
import { analyzerResources, type AnalyzerResource } from "./analyzerResources";
import { mapBounded } from "./boundedPool";
import { EngineLogServer, type EngineLogMessage } from "./engineLogServer";
import {
  configureRequest,
  enforcementLevels,
  resolvePolicyConfig,
  type EnforcementLevel,
  type PolicyInfo,
  type PolicyPackConfig,
  type ResolvedPolicyConfig,
} from "./policyConfig";
import { PolicyPackProcess } from "./policyPackProcess";

export interface PolicyPackSessionOptions {
  packDir: string;
  project?: string;
  stack?: string;
  organization?: string;
  /** `pulumi preview` (true, the default) or `pulumi up`. */
  dryRun?: boolean;
  /** Stack config passed to the pack's process, keyed `<namespace>:<key>`. */
  stackConfig?: Record<string, string>;
  stackTags?: Record<string, string>;
  /** The `--policy-pack-config` JSON. */
  policyConfig?: PolicyPackConfig;
  /** Analyze calls in flight at once; the engine itself analyzes one registration at a time. */
  concurrency?: number;
  /**
   * Called once the pack's process is spawned. Work that blocks the event loop (running a program) should
   * wait for it, or the engine's socket setup waits for that work and the pack starts late.
   */
  onSpawn?: () => void;
}

/** One policy violation, as the CLI reports it. */
export interface PolicyDiagnostic {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  enforcementLevel: EnforcementLevel;
  message: string;
  description: string;
  urn: string;
  /** Which call reported it. */
  source: "analyze" | "analyzeStack" | "remediate";
}

export interface PolicyRun {
  diagnostics: PolicyDiagnostic[];
  /** Inputs a remediation rewrote, by URN. */
  remediated: Record<string, Record<string, unknown>>;
  /** False when an update stopped at a mandatory `Analyze` violation, as the engine then skips AnalyzeStack. */
  stackAnalyzed: boolean;
  timings: { analyzeMs: number; analyzeStackMs: number; resources: number };
}

/** A policy's compliance metadata as GetAnalyzerInfo carries it (what Pulumi Cloud's findings pages show). */
export interface PolicyMetadata {
  severity: "" | "low" | "medium" | "high" | "critical";
  framework?: { name: string; version: string; reference: string; specification: string };
  remediationSteps: string;
  url: string;
  tags: string[];
}

export interface PackInfo {
  name: string;
  version: string;
  displayName: string;
  readme: string;
  tags: string[];
  policies: PolicyInfo[];
  /** By policy name. */
  metadata: Record<string, PolicyMetadata>;
  initialConfig: Record<string, ResolvedPolicyConfig>;
}

const severities: Record<analyzerPb.PolicySeverity, PolicyMetadata["severity"]> = {
  [analyzerPb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "",
  [analyzerPb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerPb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerPb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerPb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

const policyKinds: Record<analyzerPb.PolicyType, PolicyInfo["kind"]> = {
  [analyzerPb.PolicyType.POLICY_TYPE_UNKNOWN]: "unknown",
  [analyzerPb.PolicyType.POLICY_TYPE_RESOURCE]: "resource",
  [analyzerPb.PolicyType.POLICY_TYPE_STACK]: "stack",
};

export class PolicyPackSession {
  private constructor(
    private readonly engine: EngineLogServer,
    private readonly pack: PolicyPackProcess,
    private readonly client: AnalyzerClient,
    readonly info: PackInfo,
    /** The config the pack was configured with, per policy. */
    public config: Record<string, ResolvedPolicyConfig>,
    /** Milliseconds from spawning the pack to a configured analyzer. */
    readonly startMs: number,
    private readonly dryRun: boolean,
    private readonly concurrency: number,
    /** What ConfigureStack sends. */
    private readonly stackOptions: StackOptions,
  ) {}

  static async start(options: PolicyPackSessionOptions): Promise<PolicyPackSession> {
    const began = performance.now();
    const project = options.project ?? "project";
    const stack = options.stack ?? "stack";
    const dryRun = options.dryRun ?? true;
    const engine = await EngineLogServer.start();
    let pack: PolicyPackProcess | undefined;
    let client: AnalyzerClient | undefined;
    try {
      const starting = PolicyPackProcess.start({
        packDir: options.packDir,
        engineAddress: engine.address,
        project,
        stack,
        organization: options.organization,
        dryRun,
        config: options.stackConfig,
      });
      options.onSpawn?.();
      pack = await starting;
      client = new AnalyzerClient(`127.0.0.1:${pack.port}`);
      await client.ready();

      const handshake = new analyzerPb.AnalyzerHandshakeRequest();
      handshake.setEngineAddress(engine.address);
      handshake.setRootDirectory(options.packDir);
      handshake.setProgramDirectory(options.packDir);
      await client.handshake(handshake);

      await client.configureStack(configureStackRequest({ ...options, project, stack, dryRun }));

      const info = packInfo(await client.getAnalyzerInfo());
      await client.getPluginInfo();
      const config = resolvePolicyConfig(info.policies, options.policyConfig ?? {}, info.initialConfig);
      if (Object.keys(config).length > 0) await client.configure(configureRequest(config));

      return new PolicyPackSession(
        engine,
        pack,
        client,
        info,
        config,
        performance.now() - began,
        dryRun,
        options.concurrency ?? 16,
        { ...options, project, stack, dryRun },
      );
    } catch (e) {
      client?.close();
      await pack?.stop();
      await engine.stop();
      throw e;
    }
  }

  /**
   * Sends ConfigureStack again with other stack tags, so one session can check stacks that differ in their
   * tags (the CLI starts one pack per stack; @pulumi/policy takes the latest tags).
   */
  async configureStack(stackTags: Record<string, string>): Promise<void> {
    await this.client.configureStack(configureStackRequest({ ...this.stackOptions, stackTags }));
  }

  /** Sends Configure again with another `--policy-pack-config` (the CLI configures a pack once; tests vary it). */
  async configure(policyConfig: PolicyPackConfig): Promise<void> {
    const config = resolvePolicyConfig(this.info.policies, policyConfig, this.info.initialConfig);
    await this.client.configure(configureRequest(config));
    this.config = config;
  }

  /** Runs the pack over a recorded graph as `pulumi preview` / `pulumi up` would. */
  check(graph: RecordedGraph, options: CheckOptions = {}): Promise<PolicyRun> {
    return this.checkResources(analyzerResources(graph), options);
  }

  /** Runs the pack over resources already in the engine's shape (e.g. synthetic benchmark stacks). */
  async checkResources(
    resources: readonly AnalyzerResource[],
    options: CheckOptions = {},
  ): Promise<PolicyRun> {
    const t0 = performance.now();
    const remediate = options.remediate ?? true;
    const perResource = await mapBounded(resources, this.concurrency, (r) => this.analyzeOne(r, remediate));
    const t1 = performance.now();
    const diagnostics = perResource.flatMap((p) => p.diagnostics);
    const remediated: Record<string, Record<string, unknown>> = {};
    for (const p of perResource) if (p.remediated) remediated[p.urn] = p.remediated;

    // In an update, a mandatory violation makes the resource invalid and the engine bails before AnalyzeStack.
    const stackAnalyzed = this.dryRun || !diagnostics.some((d) => d.enforcementLevel === "mandatory");
    if (stackAnalyzed) diagnostics.push(...(await this.analyzeStack(resources)));
    return {
      diagnostics,
      remediated,
      stackAnalyzed,
      timings: { analyzeMs: t1 - t0, analyzeStackMs: performance.now() - t1, resources: resources.length },
    };
  }

  private async analyzeOne(
    r: AnalyzerResource,
    remediate: boolean,
  ): Promise<{ urn: string; diagnostics: PolicyDiagnostic[]; remediated?: Record<string, unknown> }> {
    const diagnostics: PolicyDiagnostic[] = [];
    const request = analyzeRequest(r);
    let remediated: Record<string, unknown> | undefined;
    const remediation = remediate ? await this.client.remediate(request) : undefined;
    for (const rem of remediation?.getRemediationsList() ?? []) {
      if (rem.getDiagnostic()) {
        diagnostics.push({
          policyName: rem.getPolicyname(),
          policyPackName: rem.getPolicypackname(),
          policyPackVersion: rem.getPolicypackversion(),
          enforcementLevel: "advisory",
          message: rem.getDiagnostic(),
          description: rem.getDescription(),
          urn: r.urn,
          source: "remediate",
        });
      } else if (rem.hasProperties()) {
        remediated = rem.getProperties()!.toJavaScript();
      }
    }
    const response = await this.client.analyze(remediated ? analyzeRequest(r, remediated) : request);
    // The engine reports resource violations against the analyzed resource, whatever URN the pack set.
    for (const d of response.getDiagnosticsList()) diagnostics.push(toDiagnostic(d, r.urn, "analyze"));
    return { urn: r.urn, diagnostics, remediated };
  }

  private async analyzeStack(resources: readonly AnalyzerResource[]): Promise<PolicyDiagnostic[]> {
    const response = await this.client.analyzeStack(analyzeStackRequest(resources));
    const urns = new Set(resources.map((r) => r.urn));
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    // Stack violations naming no resource of the stack are attributed to the stack itself.
    return (response?.getDiagnosticsList() ?? []).map((d) =>
      toDiagnostic(d, urns.has(d.getUrn()) ? d.getUrn() : root, "analyzeStack"),
    );
  }

  /** The pack's process id. */
  get pid(): number {
    return this.pack.pid;
  }

  /** Messages the pack sent to the engine, then lines it printed, as the CLI would show them. */
  logs(): { engine: EngineLogMessage[]; output: { stream: "stdout" | "stderr"; line: string }[] } {
    return { engine: [...this.engine.messages], output: [...this.pack.output] };
  }

  async stop(): Promise<void> {
    this.client.close();
    await this.pack.stop();
    await this.engine.stop();
  }
}

export interface CheckOptions {
  /**
   * Send Remediate before Analyze, as the engine does (default). An audit of resources already in Azure
   * changes nothing: without it a violation at level `remediate` is reported by Analyze, as the engine reports
   * one it cannot remediate, instead of being fixed silently — and each resource costs one call, not two.
   */
  remediate?: boolean;
}

type StackOptions = PolicyPackSessionOptions & { project: string; stack: string; dryRun: boolean };

function configureStackRequest(options: StackOptions): analyzerPb.AnalyzerStackConfigureRequest {
  const req = new analyzerPb.AnalyzerStackConfigureRequest();
  req.setStack(options.stack);
  req.setProject(options.project);
  req.setOrganization(options.organization ?? "");
  req.setDryRun(options.dryRun);
  for (const [k, v] of Object.entries(options.stackConfig ?? {})) req.getConfigMap().set(k, v);
  for (const [k, v] of Object.entries(options.stackTags ?? {})) req.getTagsMap().set(k, v);
  return req;
}

function toDiagnostic(
  d: analyzerPb.AnalyzeDiagnostic,
  urn: string,
  source: PolicyDiagnostic["source"],
): PolicyDiagnostic {
  const level = enforcementLevels[d.getEnforcementlevel()];
  return {
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    policyPackVersion: d.getPolicypackversion(),
    // Remediate cannot apply to a reported violation: the engine shows it as mandatory.
    enforcementLevel: level === "remediate" ? "mandatory" : level,
    message: d.getMessage(),
    description: d.getDescription(),
    urn,
    source,
  };
}

function packInfo(info: analyzerPb.AnalyzerInfo): PackInfo {
  const policies = info.getPoliciesList().map((p): PolicyInfo => {
    const schema = p.getConfigschema();
    return {
      name: p.getName(),
      displayName: p.getDisplayname(),
      description: p.getDescription(),
      enforcementLevel: enforcementLevels[p.getEnforcementlevel()],
      kind: policyKinds[p.getPolicyType()],
      configSchema: schema && {
        properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, Record<string, unknown>>,
        required: schema.getRequiredList(),
      },
    };
  });
  const metadata = Object.fromEntries(
    info.getPoliciesList().map((p): [string, PolicyMetadata] => {
      const framework = p.getFramework();
      return [
        p.getName(),
        {
          severity: severities[p.getSeverity()],
          framework: framework && {
            name: framework.getName(),
            version: framework.getVersion(),
            reference: framework.getReference(),
            specification: framework.getSpecification(),
          },
          remediationSteps: p.getRemediationSteps(),
          url: p.getUrl(),
          tags: p.getTagsList(),
        },
      ];
    }),
  );
  const initialConfig: Record<string, ResolvedPolicyConfig> = {};
  info.getInitialconfigMap().forEach((c, name) => {
    initialConfig[name] = {
      enforcementLevel: enforcementLevels[c.getEnforcementlevel()],
      properties: c.getProperties()?.toJavaScript() ?? {},
    };
  });
  return {
    name: info.getName(),
    version: info.getVersion(),
    displayName: info.getDisplayname(),
    readme: info.getReadme(),
    tags: info.getTagsList(),
    policies,
    metadata,
    initialConfig,
  };
}
