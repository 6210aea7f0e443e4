/**
 * Tags a component applies to every child that takes tags. Azure's limits: 50 tags per resource, names of
 * at most 512 characters (128 on storage accounts) without `<>%&\?/`, values of at most 256 characters.
 * Tags are updated in place on every resource type the components create: changing them replaces nothing.
 */
import type * as pulumi from "@pulumi/pulumi";
import { freeText, mapOf, type ArgKind } from "./argKinds";
import { NameRules, type NameRule } from "./names";

/** The tags argument's type, as every component declares it. */
export type Tags = pulumi.Input<Record<string, pulumi.Input<string>>>;

/** Most tags Azure takes on one resource. */
export const maxTagsPerResource = 50;

/** A tags map by Azure's limits; `key` is the name rule (storage accounts take shorter names). */
export function tagsKind(key: NameRule = NameRules.tagKey): ArgKind {
  return mapOf(freeText("a tag value of at most 256 characters", 256), {
    key,
    maxEntries: maxTagsPerResource,
  });
}
