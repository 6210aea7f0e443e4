/** Where a created dependency goes, shared by every dependency the component creates. */
import type * as pulumi from "@pulumi/pulumi";

export interface DependencyPlacement {
  resourceGroupName: pulumi.Input<string>;
  /** Normalised region name, so a display-name spelling never shows as a (replacing) location change. */
  location: pulumi.Input<string>;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
