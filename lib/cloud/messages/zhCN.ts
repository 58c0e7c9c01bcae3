// What the lookups in the account say at `pulumi preview`, in Chinese: the same ids and parameters as
// en.ts. Config keys, instance types, zones and commands stay as written.
import type { CloudMessages } from "./en";

export const zhCN: CloudMessages = {
  imageNotAvailable: (p) =>
    `imageId：${p.imageId} 不是 ${p.region} 中可用的 x86_64 镜像；请从 ECS 控制台选一个当前的 ${p.image} 镜像 ID，` +
    "或者把 imageId 留空，自动查找最新的镜像",
  imageNoneFound: (p) =>
    `imageId：${p.region} 中没有 ${p.image} 系统镜像；请把 imageId 设为 ECS 控制台中的某个镜像（pulumi config set imageId <id>），` +
    "或者换一个 alicloud:region",
  imageDescription: () => "Ubuntu 22.04 x86_64（ubuntu_22_04_x64_20G_alibase_*，2024 年及以后构建）",

  unfitBurstable: () => "突发性能型：靠 CPU 积分运行，积分用完后被限制在基准性能",
  unfitShared: () => "共享型：没有独享的 vCPU",
  unfitGpu: () => "GPU 规格",
  passedOverBecause: (p) => `${p.type}（${p.reason}）`,
  usableInZones: (p) => `${p.type}（只能在 ${p.count} 个可用区使用）`,
  seenAndPassedOver: (p) => `；查到但未采用的规格：${p.types}`,
  noTypeFits: (p) =>
    `instanceType：${p.region} 中没有满足以下全部条件的按量付费 ${p.shape} 实例规格：能启动 ${p.image}（x86_64）、` +
    `有独享 vCPU（不是突发性能型或共享型）、支持 ESSD 系统盘，并且在至少 ${p.zoneCount} 个可以新建交换机的可用区有售${p.seen}。` +
    `请自己选择规格（pulumi config set instanceType ecs.c7.large）、调低 zoneCount，或者换一个 alicloud:region。${p.pin}`,
  pinDeployed: () =>
    "已经部署的栈可以继续使用现有的规格和可用区：用 pulumi stack output instanceType 和 zoneIds 的值把两者都固定下来" +
    "（pulumi config set instanceType <type>；pulumi config set --path 'zoneIds[0]' <zone>，每个可用区一条）",
  typeNotSold: (p) =>
    `instanceType：${p.type} 在 ${p.region} 中没有搭配 ESSD 系统盘的按量付费售卖，或者无法启动 ${p.image}` +
    "（x86_64 镜像；c8y、g8y、c6r 等 ARM 规格无法启动）；请换一个规格（pulumi config set instanceType ecs.c7.large），" +
    "或者把 instanceType 留空，自动查找",
  typeTooFewZones: (p) =>
    `instanceType：${p.type} 在 ${p.region} 中只有 ${p.count} 个可以新建交换机的可用区有搭配 ESSD 系统盘的售卖，` +
    `但 zoneCount 是 ${p.zoneCount}；请调低 zoneCount、换一个在更多可用区有售的规格，或者把 instanceType 留空。${p.pin}`,
  typeUnfit: (p) => `instanceType：${p.type} 是${p.reason}；承受负载的 API 后端需要独享 vCPU`,
  zonesNotAsDeployed: (p) =>
    `zoneIds：本栈的交换机位于 ${p.deployed}（按此顺序），而不是 ${p.configured}。请先把 zoneIds 设为 ${p.deployed} ` +
    "并运行 pulumi up（不会迁移任何东西），再修改它：在由配置的可用区命名之前创建的交换机，不能在同一次更新中迁移",
  zonesPinned: (p) => `${p.problem}（zoneIds 已固定：在这些可用区新建的实例可能无法启动）`,
  tooFewZones: (p) =>
    `zoneIds：本地域只有 ${p.count} 个可用区能在交换机中创建所选的实例规格，但 zoneCount 是 ${p.zoneCount}；` +
    "请调低 zoneCount/instanceCount、换一个 instanceType 或 alicloud:region，或者在 zoneIds 中列出正在使用的可用区" +
    "（pulumi stack output zoneIds）",

  zoneHosts: (p) => `（账号中的 Zone：${p.zones}）`,
  zoneHostsNone: () => "（账号中没有任何 Zone）",
  zoneNotHosted: (p) =>
    `dnsZone：${p.zone} 不是本账号云解析 DNS 中的 Zone${p.hosted}，所以无法写入 ${p.domain} 的 A 记录，也无法写入 ACME DNS-01 验证记录：` +
    `请在云解析 DNS 控制台添加 ${p.zone}（添加域名），并把域名的 NS 记录指向那里显示的 DNS 服务器；` +
    "或者设置包含该域名的 Zone：pulumi config set dnsZone <zone>",
};
