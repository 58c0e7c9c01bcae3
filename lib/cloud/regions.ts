// The regions the Alibaba Cloud provider accepts: it refuses any other `region` when it starts
// (alicloud/connectivity/config.go validateRegion, against ValidRegions in
// alicloud/connectivity/regions.go, terraform-provider-alicloud master of 2026-08), unless
// `skip_region_validation` is set. Checking here turns a typo into an error that names the region meant,
// before the provider's own message at the start of `pulumi preview`.
export const PROVIDER_REGIONS: readonly string[] = [
  "cn-hangzhou",
  "cn-qingdao",
  "cn-beijing",
  "cn-shenzhen",
  "cn-hongkong",
  "cn-shanghai",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-chengdu",
  "cn-heyuan",
  "cn-wulanchabu",
  "cn-guangzhou",
  "cn-nanjing",
  "cn-fuzhou",
  "cn-zhongwei",
  "us-west-1",
  "us-east-1",
  "us-southeast-1",
  "na-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ap-southeast-8",
  "ap-south-1",
  "me-east-1",
  "me-central-1",
  "eu-central-1",
  "eu-west-1",
  "rus-west-1",
  "cn-north-2-gov-1",
  "cn-shenzhen-finance-1",
  "cn-szfinance",
  "cn-shenzhen-finance",
  "cn-shanghai-finance-1-pub",
  "cn-shanghai-finance-1",
  "cn-hangzhou-finance",
  "cn-hzfinance",
  "cn-hzjbp",
  "cn-beijing-finance-1",
  "cn-beijing-finance-1-pub",
];

/** The provider key that turns its region check off (for a region newer than the provider). */
export const SKIP_REGION_VALIDATION_KEY = "alicloud:skipRegionValidation";

/**
 * Whether a region is in the Chinese mainland, where an ICP filing (备案) can be made through
 * Alibaba Cloud and where a filed domain must resolve: its id starts with "cn-", except Hong Kong
 * (filings are for mainland servers only: "If your cloud resources are deployed in regions outside the
 * Chinese mainland, such as Hong Kong (China), an ICP filing is not required",
 * https://www.alibabacloud.com/help/doc-detail/36891.htm).
 */
export function isChineseMainlandRegion(region: string): boolean {
  return region.startsWith("cn-") && region !== "cn-hongkong";
}
