/**
 * @pulumi/policy (1.21) rebuilds the whole stack for each stack policy in an AnalyzeStack request: for every
 * resource and every policy it reads the protobuf message again (options, provider, property dependencies),
 * wraps the properties in a proxy and links parents and dependencies. With this pack's forty stack policies
 * that rebuilding, not the rules, was most of the pack's own CPU at organisation scale (a CPU profile of
 * the pack's process at 3,000 resources: 10 of its 25 s of code). This serves AnalyzeStack with the same
 * steps in the same order, the stack's resources built once per request and handed to every policy (no
 * rule writes to what it validates; each gets its own `getConfig`). The other calls are @pulumi/policy's.
 *
 * Only the version this was written against is served this way (its handler is exported, and a test
 * compares the two responses on the same requests); with any other version, or a module of another shape,
 * nothing is changed and @pulumi/policy serves every call itself.
 */
import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";

/** The @pulumi/policy release whose AnalyzeStack handler this one reproduces. */
const reproducedVersion = "1.21.0";

type Callback = (error: unknown, response?: unknown) => void;
type Handler = (call: { request: AnyMessage }, callback: Callback) => unknown;
/** A protobuf message of @pulumi/pulumi's generated code, read through its getters. */
type AnyMessage = Record<string, (...args: unknown[]) => any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface StackPolicyLike {
  name: string;
  description: string;
  enforcementLevel?: string;
  severity?: string;
  validateStack?: (args: StackValidationArgs, report: ReportViolation) => unknown;
}

interface PolicyModules {
  policy: {
    isStackPolicy(p: unknown): boolean;
    getPulumiType(f: unknown): string | undefined;
  };
  proxy: { unknownCheckingProxy(o: object): object; UnknownValueError: new (...a: never[]) => Error };
  deserialize: { deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown> };
  protoutil: {
    makeAnalyzeResponse(ds: object[], notApplicable: unknown[] | undefined): unknown;
    asGrpcError(e: unknown, message?: string): unknown;
    convertEnforcementLevel(level: unknown): string;
  };
  analyzerProto: { PolicyNotApplicable: new () => AnyMessage };
  grpc: {
    Server: { prototype: { addService(service: unknown, implementation: Record<string, Handler>): void } };
  };
  analyzerService: unknown;
  server: {
    serve(
      name: string,
      version: string,
      enforcementLevel: string,
      args: { policies?: StackPolicyLike[] },
      initialConfig: unknown,
    ): void;
  };
}

/** @pulumi/policy's modules, resolved as its server resolves them; undefined when the shape differs. */
function policyModules(): PolicyModules | undefined {
  /* eslint-disable @typescript-eslint/no-require-imports */
  try {
    const version = (require("@pulumi/policy/version") as { version?: string }).version;
    if (version !== reproducedVersion) return undefined;
    const from = (id: string) => require(require.resolve(id, { paths: [require.resolve("@pulumi/policy")] }));
    const modules = {
      policy: require("@pulumi/policy/policy"),
      proxy: require("@pulumi/policy/proxy"),
      deserialize: require("@pulumi/policy/deserialize"),
      protoutil: require("@pulumi/policy/protoutil"),
      analyzerProto: from("@pulumi/pulumi/proto/analyzer_pb"),
      grpc: from("@grpc/grpc-js"),
      analyzerService: from("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService,
      server: require("@pulumi/policy/server"),
    } as PolicyModules;
    const functions = [
      modules.policy.isStackPolicy,
      modules.policy.getPulumiType,
      modules.proxy.unknownCheckingProxy,
      modules.proxy.UnknownValueError,
      modules.deserialize.deserializeProperties,
      modules.protoutil.makeAnalyzeResponse,
      modules.protoutil.asGrpcError,
      modules.protoutil.convertEnforcementLevel,
      modules.analyzerProto.PolicyNotApplicable,
      modules.grpc.Server?.prototype?.addService,
      modules.server.serve,
    ];
    return functions.every((f) => typeof f === "function") && modules.analyzerService ? modules : undefined;
  } catch {
    return undefined;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** What `configure` and `configureStack` set, read from the same requests as @pulumi/policy reads them. */
interface Configuration {
  policies: Record<string, Record<string, unknown>>;
  stackTags: ReadonlyMap<string, string>;
}

class NotApplicable extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
  }
}

/** The stack's resources as @pulumi/policy builds them for a stack policy, once. */
function stackResources(m: PolicyModules, list: AnyMessage[]): PolicyResource[] {
  const props = (message: AnyMessage) =>
    m.proxy.unknownCheckingProxy(m.deserialize.deserializeProperties(message.getProperties(), false));
  const isTypeOf = (type: string, resourceClass: { isInstance?: (o: unknown) => boolean }) => {
    const pulumiType = m.policy.getPulumiType(resourceClass);
    if (pulumiType) return type === pulumiType;
    const isInstance = resourceClass.isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
  };
  const built = list.map((r) => {
    const type = r.getType() as string;
    const properties = props(r);
    const opts = r.getOptions();
    if (!opts)
      throw new Error(
        "A more recent version of the Pulumi CLI is required. To upgrade, see https://www.pulumi.com/docs/get-started/install/",
      );
    const timeouts = opts.getCustomtimeouts();
    const options: Record<string, unknown> = {
      protect: opts.getProtect(),
      ignoreChanges: opts.getIgnorechangesList(),
      aliases: opts.getAliasesList(),
      customTimeouts: {
        createSeconds: timeouts?.getCreate() ?? 0.0,
        updateSeconds: timeouts?.getUpdate() ?? 0.0,
        deleteSeconds: timeouts?.getDelete() ?? 0.0,
      },
      additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
    };
    if (opts.getDeletebeforereplacedefined()) options.deleteBeforeReplace = opts.getDeletebeforereplace();
    if (opts.getParent()) options.parent = opts.getParent();
    const resource: Record<string, unknown> = {
      type,
      props: properties,
      urn: r.getUrn(),
      name: r.getName(),
      opts: options,
      dependencies: [],
      propertyDependencies: {},
      isType: (c: never) => isTypeOf(type, c),
      asType: (c: never) => (isTypeOf(type, c) ? properties : undefined),
    };
    const provider = r.getProvider();
    if (provider)
      resource.provider = {
        type: provider.getType(),
        props: props(provider),
        urn: provider.getUrn(),
        name: provider.getName(),
      };
    const propertyDependencies: Record<string, string[]> = {};
    const map = r.getPropertydependenciesMap();
    if (map) for (const [k, v] of map.entries()) propertyDependencies[k] = v.getUrnsList();
    return {
      resource,
      parent: r.getParent() as string,
      dependencies: r.getDependenciesList() as string[],
      propertyDependencies,
    };
  });
  const byUrn = new Map(built.map((b) => [b.resource.urn, b.resource]));
  const resolved = (urns: string[]) => urns.map((u) => byUrn.get(u)).filter((r) => r);
  for (const b of built) {
    const parent = b.parent ? byUrn.get(b.parent) : undefined;
    if (parent) b.resource.parent = parent;
    b.resource.dependencies = resolved(b.dependencies);
    const deps = b.resource.propertyDependencies as Record<string, unknown>;
    for (const k of Object.keys(b.propertyDependencies)) deps[k] = resolved(b.propertyDependencies[k]);
  }
  return built.map((b) => b.resource as unknown as PolicyResource);
}

/** An AnalyzeStack handler doing what @pulumi/policy's does, with the stack built once. */
export function analyzeStackHandler(
  m: PolicyModules,
  pack: { name: string; version: string; enforcementLevel: string },
  policies: readonly StackPolicyLike[],
  configuration: Configuration,
): Handler {
  return async (call, callback) => {
    const list = call.request.getResourcesList() as AnyMessage[];
    const ds: object[] = [];
    let notApplicable: AnyMessage[] | undefined;
    const skip = (name: string, reason?: string) => {
      const na = new m.analyzerProto.PolicyNotApplicable();
      na.setPolicyName(name);
      if (reason) na.setReason(reason);
      (notApplicable ??= []).push(na);
    };
    let resources: PolicyResource[] | undefined;
    try {
      for (const p of policies) {
        const config = configuration.policies[p.name];
        let level = (config?.enforcementLevel as string) || p.enforcementLevel || pack.enforcementLevel;
        if (level === "disabled" || !m.policy.isStackPolicy(p)) continue;
        if (level === "remediate") level = "mandatory";
        const pulumiType = m.policy.getPulumiType(p.validateStack);
        if (pulumiType && !list.some((r) => r.getType() === pulumiType)) {
          skip(p.name, `Policy only applies to resources of type '${pulumiType}'`);
          continue;
        }
        const report: ReportViolation = (message, urn) =>
          ds.push({
            policyName: p.name,
            policyPackName: pack.name,
            policyPackVersion: pack.version,
            message: message ? `${p.description}\n${message}` : p.description,
            urn,
            description: p.description,
            enforcementLevel: level,
            severity: p.severity,
          });
        try {
          resources ??= stackResources(m, list);
          const properties = { ...config };
          delete properties.enforcementLevel;
          const args = {
            resources,
            getConfig: () => properties,
            stackTags: configuration.stackTags,
            notApplicable: (reason?: string) => {
              throw new NotApplicable(reason);
            },
          } as unknown as StackValidationArgs;
          await Promise.resolve(p.validateStack!(args, report));
        } catch (e) {
          const from = `policy '${p.name}' from policy pack '${pack.name}@v${pack.version}'`;
          if (e instanceof m.proxy.UnknownValueError) {
            const diag: Partial<StackPolicyLike> = { ...p };
            delete diag.validateStack;
            delete diag.name;
            ds.push({
              policyName: p.name,
              policyPackName: pack.name,
              policyPackVersion: pack.version,
              message: `can't run ${from} during preview: ${e.message}`,
              ...diag,
              enforcementLevel: "advisory",
            });
          } else if (e instanceof NotApplicable) skip(p.name, e.reason);
          else throw m.protoutil.asGrpcError(e, `Error validating resource with ${from}`);
        }
      }
    } catch (err) {
      callback(err, undefined);
      return;
    }
    callback(undefined, m.protoutil.makeAnalyzeResponse(ds, notApplicable));
  };
}

/**
 * From now on, the policy server this process starts (`PolicyPack`) serves AnalyzeStack with the stack built
 * once per request, for the name, version, enforcement level and policies @pulumi/policy serves. Does
 * nothing with another @pulumi/policy.
 */
export function shareStackResources(): void {
  const m = policyModules();
  if (!m) return;
  const serve = m.server.serve;
  const prototype = m.grpc.Server.prototype;
  m.server.serve = (name, version, enforcementLevel, args, initialConfig) => {
    const addService = prototype.addService;
    const configuration: Configuration = { policies: {}, stackTags: new Map() };
    prototype.addService = function (this: unknown, service, implementation) {
      const { configure, configureStack } = implementation;
      if (service !== m.analyzerService || !configure || !configureStack || !implementation.analyzeStack)
        return addService.call(this, service, implementation);
      return addService.call(this, service, {
        ...implementation,
        configure: (call, callback) => {
          const config: Configuration["policies"] = {};
          for (const [k, v] of call.request.getPolicyconfigMap().entries()) {
            const props = v.getProperties().toJavaScript();
            props.enforcementLevel = m.protoutil.convertEnforcementLevel(v.getEnforcementlevel());
            config[k] = props;
          }
          configuration.policies = config;
          return configure(call, callback);
        },
        configureStack: (call, callback) => {
          const tags = new Map<string, string>();
          call.request.getTagsMap().forEach((v: string, k: string) => tags.set(k, v));
          configuration.stackTags = tags;
          return configureStack(call, callback);
        },
        analyzeStack: analyzeStackHandler(
          m,
          { name, version, enforcementLevel },
          args.policies ?? [],
          configuration,
        ),
      });
    };
    try {
      return serve(name, version, enforcementLevel, args, initialConfig);
    } finally {
      prototype.addService = addService;
    }
  };
}
