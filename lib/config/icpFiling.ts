// The ICP filing (备案) a WeChat backend needs, and what this stack can do for it. WeChat takes only
// ICP-filed domains ("域名必须经过 ICP 备案", developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
// A filing on Alibaba Cloud starts from a 备案服务码, which is issued only for a subscription ECS instance
// with public bandwidth bought for 3 months or more in all, or a Simple Application Server, in a
// mainland region; SLB is named as not eligible ("Server eligibility check for ICP filing",
// https://www.alibabacloud.com/help/doc-detail/36891.htm). This stack's CLB is therefore no carrier and its
// instances, pay-as-you-go without a public IP, are none either: a stack without a filing is told the
// way out before anything is created, and a region outside the mainland is told it cannot have one.
// At the instance edge the one instance is pay-as-you-go too (no code either), but its EIP is where
// the domain resolves: the website's IP address the filing's access information records.
import { isChineseMainlandRegion } from "../cloud/regions";
import type { Problems } from "../problems";
import { REGION_PATTERN, type ConfigValues } from "./keys";
import type { ConfigMessages } from "./messages";
import { isExampleIcpLicense } from "./placeholders";
import { setCommand } from "./read";

interface IcpFilingInput {
  readonly values: ConfigValues;
  /** The provider's region as set, "" when it is not. */
  readonly region: string;
  /** The provider key the region is set under, named in the message. */
  readonly regionKey: string;
  readonly problems: Problems;
  readonly m: ConfigMessages;
}

export function checkIcpFiling({ values, region, regionKey, problems, m }: IcpFilingInput): void {
  // An unset or malformed region is refused already.
  if (!REGION_PATTERN.test(region)) return;
  if (!isChineseMainlandRegion(region)) {
    problems.warning(m.regionOutsideMainland({ key: regionKey, region, fix: `pulumi config set ${regionKey} cn-hangzhou` }));
    return;
  }
  if (values.icpLicense === "" || isExampleIcpLicense(values.icpLicense)) {
    const fix = setCommand("icpLicense");
    problems.warning(values.edge === "instance" ? m.icpNoCarrierInstanceEdge({ fix }) : m.icpNoCarrier({ fix }));
  }
}
