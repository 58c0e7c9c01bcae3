// Inputs the provider keeps as they are when the program stops setting them: Optional+Computed in
// the provider's schema, so its Diff sees no change and `pulumi preview` shows none, while the cloud
// keeps the last value. The offline plan diff drops such a removal the same way and says so, instead
// of showing an update that would never happen.

export interface KeptWhenOmitted {
  /** Top-level inputs (Pulumi's names) the provider keeps when they are left out. */
  readonly inputs: readonly string[];
  /** Where the provider says so. */
  readonly source: string;
}

export const KEPT_WHEN_OMITTED: Readonly<Record<string, KeptWhenOmitted>> = {
  "alicloud:cms/alarm:Alarm": {
    inputs: ["targets"],
    source:
      "aliyun/terraform-provider-alicloud alicloud/resource_alicloud_cms_alarm.go (targets: Optional, Computed; " +
      "Update only calls PutMetricRuleTargets; 81c43b67)",
  },
};

/** Why leaving `input` out of a resource of `type` changes nothing, or undefined when it does. */
export function keptWhenOmitted(type: string, input: string): string | undefined {
  const entry = KEPT_WHEN_OMITTED[type];
  return entry?.inputs.includes(input) ? entry.source : undefined;
}
