/**
 * @pulumi/policy (1.21) deserialises a resource's properties once per policy: `analyzeStack` does it for every
 * resource inside its loop over the stack policies, `analyze` inside its loop over the resource policies. With
 * this pack's forty policies that repeated work, not the rules, was most of the pack's cost at organisation
 * scale. One request's property struct is the same object for every policy, so its validation form
 * (`proxySecrets: false`) is kept per struct and handed to each policy; each still wraps it in its own
 * unknown-checking proxy, and no rule writes to what it validates. Remediation's form (`proxySecrets: true`),
 * which a policy may change, is never shared. When the module does not have the shape this was written for,
 * nothing is changed.
 *
 * The validation form also keeps each secret as @pulumi/policy's `Secret` (the form it gives remediation,
 * without the proxy that hides them), where @pulumi/policy would unwrap it into plain data: the model then
 * knows which values are secret and every output prints `[secret]` for them (model/secrets.ts).
 */
interface DeserializeModule {
  deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown>;
}

interface ProxyModule {
  /** The key that hands back a secrets-preserving proxy's target. */
  getSpecialProxyTarget: string;
}

export function shareDeserializedProperties(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require("@pulumi/policy/deserialize") as Partial<DeserializeModule>;
  const original = module.deserializeProperties;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const targetKey = (require("@pulumi/policy/proxy") as Partial<ProxyModule>).getSpecialProxyTarget;
  if (typeof original !== "function" || original.length !== 2 || typeof targetKey !== "string") return;
  const secretsKept = (struct: object) => {
    const preserving = original(struct, true);
    return (preserving[targetKey] as Record<string, unknown> | undefined) ?? preserving;
  };
  const validationForms = new WeakMap<object, Record<string, unknown>>();
  module.deserializeProperties = (struct, proxySecrets) => {
    if (proxySecrets || typeof struct !== "object" || struct === null) return original(struct, proxySecrets);
    let props = validationForms.get(struct);
    if (!props) validationForms.set(struct, (props = secretsKept(struct)));
    return props;
  };
}
