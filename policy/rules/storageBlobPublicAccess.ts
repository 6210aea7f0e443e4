/**
 * Anonymous (public) blob access disallowed on every storage account. A resource policy, so it can
 * remediate as Azure's Modify does: turning anonymous access off changes no network path, and nothing in
 * Azure ML reads blobs anonymously, so it is safe on any account, whether a workspace uses it or not.
 */
import { builtInQuote, builtInTags } from "../azure/builtins";
import type { ResourceView } from "../model/resourceView";
import { describeSetting, writeSetting } from "../model/settingInputs";
import { bool, isUnknown, type Maybe } from "../model/values";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { ResourceRule } from "../pack/rule";

const auditId = "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751";
const setting = "allowBlobPublicAccess";

/**
 * 4fa4b6c0 leaves out the storage of Azure Red Hat OpenShift clusters: `not (id contains
 * '/resourceGroups/aro-' and (name like 'cluster*' or name like 'imageregistry*'))`, compared as Azure Policy
 * compares strings (case-insensitively). The id's resource group is the one the account names (or its own
 * id's, read back); unknown while either is unknown.
 */
function openShiftStorage(view: ResourceView): Maybe<boolean> {
  const name = view.armNames[0];
  if (isUnknown(name)) return name;
  if (!/^(cluster|imageregistry)/i.test(name ?? "")) return false;
  const group = view.resourceGroup;
  if (isUnknown(group)) return group;
  return group !== undefined && /^aro-/i.test(group);
}

export const storageBlobPublicAccess: ResourceRule<object> = {
  name: "storage-blob-public-access-disallowed",
  description: "A storage account should disallow anonymous blob access (allowBlobPublicAccess: false).",
  enforcementLevel: "advisory",
  kinds: ["storageAccount"],
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps:
    "Set `allowBlobPublicAccess: false` on the `azure-native:storage:StorageAccount` (ARM `properties.allowBlobPublicAccess` on a generic resource; `allowNestedItemsToBePublic: false` on the classic `azure:storage/account:Account`). `SecuredWorkspace` creates its storage account this way. At enforcement level `remediate` the pack sets it for you. Azure Red Hat OpenShift's own accounts (resource group `aro-*`, names `cluster*` or `imageregistry*`) are left out, as Azure's built-in leaves them.",
  url: "https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent",
  tags: ["network-isolation", ...builtInTags(auditId, "13502221-8df0-4414-9937-de9c5c4e396b")],
  check: (view) => {
    if (view.kind !== "storageAccount") return [];
    const allowed = bool(view.inputs, setting);
    if (allowed === false || isUnknown(allowed) || openShiftStorage(view) !== false) return [];
    return [
      message({
        subject: `storage account '${view.name}'`,
        problem: `allows anonymous blob access (${setting} ${allowed === undefined ? "omitted, so not disallowed" : allowed})`,
        quote: builtInQuote(auditId),
        fix: `set ${describeSetting(view.type, setting, false)}`,
      }),
    ];
  },
  // As Azure's Modify (13502221), in the account's own input (the classic allowNestedItemsToBePublic).
  remediate: (view, props) => writeSetting(view, props, setting, false),
};
