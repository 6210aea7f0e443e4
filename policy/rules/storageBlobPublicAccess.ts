/**
 * Anonymous (public) blob access disallowed on every storage account. A resource policy, so it can
 * remediate as Azure's Modify does: turning anonymous access off changes no network path, and nothing in
 * Azure ML reads blobs anonymously, so it is safe on any account, whether a workspace uses it or not.
 */
import { builtInQuote, builtInTags, securityBenchmark } from "../azure/builtins";
import { writableInputs } from "../model/resourceView";
import { bool, isUnknown } from "../model/values";
import { message } from "../pack/message";
import type { ResourceRule } from "../pack/rule";

const auditId = "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751";

export const storageBlobPublicAccess: ResourceRule<object> = {
  name: "storage-blob-public-access-disallowed",
  description: "A storage account should disallow anonymous blob access (allowBlobPublicAccess: false).",
  enforcementLevel: "advisory",
  kinds: ["storageAccount"],
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: securityBenchmark("NS-2"),
  remediationSteps:
    "Set `allowBlobPublicAccess: false` on the `azure-native:storage:StorageAccount` (ARM `properties.allowBlobPublicAccess` on a generic resource). `SecuredWorkspace` creates its storage account this way. At enforcement level `remediate` the pack sets it for you.",
  url: "https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent",
  tags: ["network-isolation", ...builtInTags(auditId, "13502221-8df0-4414-9937-de9c5c4e396b")],
  check: (view) => {
    if (view.kind !== "storageAccount") return [];
    const allowed = bool(view.inputs, "allowBlobPublicAccess");
    if (allowed === false || isUnknown(allowed)) return [];
    return [
      message({
        subject: `storage account '${view.name}'`,
        problem: `has allowBlobPublicAccess ${allowed === undefined ? "omitted (not disallowed)" : allowed}`,
        quote: builtInQuote(auditId),
        fix: "set allowBlobPublicAccess to false",
      }),
    ];
  },
  remediate: (view, props) => {
    const inputs = writableInputs(view, props);
    if (!inputs) return undefined;
    inputs.allowBlobPublicAccess = false;
    return props;
  },
};
