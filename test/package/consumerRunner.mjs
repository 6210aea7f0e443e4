// Runs a compiled consumer program on Pulumi's mock monitor, from the consumer's directory, and prints what
// the engine was asked to register as JSON. It loads the installed package through its ESM `import` condition
// and the program loads it through `require`, so both entry points of the tarball are exercised.
import { createRequire } from "module";
import * as path from "path";

const require = createRequire(path.join(process.cwd(), "runner.js"));
const pulumi = require("@pulumi/pulumi");
const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");
// Internal to the SDK (absent from its typings), but how the SDK itself drains a program's outstanding RPCs.
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings");

const subscription = "00000000-1111-2222-3333-444444444444";
const armTypes = {
  "storage/StorageAccount": "Microsoft.Storage/storageAccounts",
  "keyvault/Vault": "Microsoft.KeyVault/vaults",
  "containerregistry/Registry": "Microsoft.ContainerRegistry/registries",
};
const registered = [];

// The engine's request carries the parent and protect flag, which the mocks' newResource does not see.
const registerResource = MockMonitor.prototype.registerResource;
MockMonitor.prototype.registerResource = function (req, callback) {
  return registerResource.call(this, req, (err, res) => {
    if (res) {
      registered.push({
        type: req.getType(),
        name: req.getName(),
        urn: res.getUrn(),
        id: res.getId(),
        parent: req.getParent(),
        custom: req.getCustom(),
        inputs: req.getObject()?.toJavaScript() ?? {},
      });
    }
    callback(err, res);
  });
};

await pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs }) => {
      if (type.startsWith("random:")) {
        return {
          id: `${name}-id`,
          state: { ...inputs, result: "a1b2c3d4e5f6".slice(0, inputs.length ?? 8) },
        };
      }
      const group = typeof inputs.resourceGroupName === "string" ? inputs.resourceGroupName : "rg";
      const kind = type.split(":").slice(1).join("/");
      // Real ARM types where the components check ids they are given by type (endpoint targets).
      const armPath =
        type === "azure-native:resources:Resource"
          ? `${inputs.resourceProviderNamespace}/${inputs.resourceType}/${name}`
          : type === "azure-native:network:Subnet"
            ? `Microsoft.Network/virtualNetworks/${inputs.virtualNetworkName}/subnets/${name}`
            : `${armTypes[kind] ?? `Fake.${kind}`}/${name}`;
      return {
        id: `/subscriptions/${subscription}/resourceGroups/${group}/providers/${armPath}`,
        state: { ...inputs, name },
      };
    },
    call: ({ token, inputs }) => {
      if (token === "azure-native:machinelearningservices:getWorkspace") {
        // A first deployment: the workspace SecuredWorkspace reads for its live managed-network mode is absent.
        const details = `Status=404 Code="ResourceNotFound" workspaces/${inputs.workspaceName} was not found`;
        throw Object.assign(new Error(details), { details });
      }
      if (token === "azure-native:authorization:getClientConfig") {
        return {
          subscriptionId: subscription,
          tenantId: subscription,
          objectId: subscription,
          clientId: "c",
        };
      }
      throw new Error(`the consumer program called ${token}, which this runner does not answer`);
    },
  },
  "consumer",
  "dev",
  false,
);

const entry = await import("azureml-network-isolation");
const program = require(path.resolve(process.argv[2]));
const outputs = {};
for (const [key, value] of Object.entries(program)) {
  outputs[key] = await new Promise((resolve) => pulumi.output(value).apply(resolve));
}
await waitForRPCs();
process.stdout.write(JSON.stringify({ esmExports: Object.keys(entry).sort(), outputs, registered }));
