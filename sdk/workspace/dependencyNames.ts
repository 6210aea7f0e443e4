/**
 * Azure names of the dependencies the component creates. Storage accounts, key vaults and registries need
 * globally unique names, so they end in a random suffix that is created once and kept in state: the names
 * are stable across runs and only change if the workspace name changes.
 */

/** Length of the random suffix (lowercase letters and digits). */
export const nameSuffixLength = 8;

/** Names that must be unique across Azure. */
export interface GlobalDependencyNames {
  storageAccount: string;
  keyVault: string;
  containerRegistry: string;
}

/** Names that need only be unique within the resource group. */
export interface MonitoringNames {
  logAnalyticsWorkspace: string;
  applicationInsights: string;
}

/** Letters and digits of the workspace name, lowercased, at most `max` characters. */
function compact(workspaceName: string, max: number): string {
  return workspaceName
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, max);
}

/**
 * Names within each service's rules: storage 3-24 lowercase letters and digits; key vault 3-24 letters,
 * digits and single hyphens, starting with a letter; registry 5-50 letters and digits.
 */
export function globalDependencyNames(workspaceName: string, suffix: string): GlobalDependencyNames {
  return {
    storageAccount: `st${compact(workspaceName, 24 - 2 - suffix.length)}${suffix}`,
    keyVault: `kv-${compact(workspaceName, 24 - 4 - suffix.length)}-${suffix}`,
    containerRegistry: `cr${compact(workspaceName, 50 - 2 - suffix.length)}${suffix}`,
  };
}

/**
 * Log Analytics takes 4-63 letters, digits and hyphens, starting and ending with a letter or digit;
 * Application Insights up to 255 characters. A workspace name starts with a letter or digit.
 */
export function monitoringNames(workspaceName: string): MonitoringNames {
  const dashed = workspaceName.replace(/_/g, "-");
  return { logAnalyticsWorkspace: `${dashed}-log`, applicationInsights: `${dashed}-appi` };
}
