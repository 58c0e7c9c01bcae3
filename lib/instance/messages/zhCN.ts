// What the instance renderers say about options they cannot render, in Chinese: the same ids and
// parameters as en.ts. Option names, values and commands stay as written.
import type { InstanceMessages } from "./en";

export const zhCN: InstanceMessages = {
  port: (p) => `${p.field} 必须是 1 到 65535 之间的整数端口，实际是 ${p.value}`,
  wholeSeconds: (p) => `${p.field} 必须是不小于 ${p.min} 的整数秒，实际是 ${p.value}`,
  nginxSize: (p) => `${p.field} 必须是 nginx 的大小写法，如 "20m"（数字，可加 k/m/g），实际是 ${p.value}`,
  uploadSizeRange: (p) => `${p.field} 必须在 1 字节到 ${p.max} 之间（0 会关闭 nginx 的限制），实际是 ${p.value}`,
  urlPath: (p) => `${p.field} 必须是由字母、数字和 ._~/- 组成的绝对路径（不带查询参数），实际是 ${p.value}`,
  cidr: (p) => `${p.field} 必须是 CIDR 写法的网段，如 "100.64.0.0/10"，实际是 ${p.value}`,
  ipAddress: (p) => `${p.field} 必须是 IP 地址，实际是 ${p.value}`,
  filePath: (p) => `${p.field} 必须是由字母、数字和 ._/- 组成的绝对路径，实际是 ${p.value}`,
  verifyFileName: (p) => `${p.field}：${p.name} 不是微信校验文件名（10 个字符.txt 或 MP_verify_<16 个字符>.txt）`,
  verifyFileContent: (p) => `${p.field}.${p.name} 只能包含字母和数字，实际是 ${p.value}`,
  hostName: (p) => `${p.field} 必须是小写的主机名，如 "api.example.com"，实际是 ${p.value}`,
  listenPortIsBackendPort: (p) => `${p.field}.listenPort 必须与 backendPort 不同（nginx 也监听 127.0.0.1）`,
  httpsPortTaken: (p) => `${p.field}.tls.httpsPort 必须与 listenPort 和 backendPort 不同`,
  tlsHalfSet: () => "实例入口需要同时设置 tls（证书所在的参数）和 nginx.tls（nginx 读取证书的位置）",
  tlsParameterName: () => "证书参数的名称和地域只能包含字母、数字、'/'、'_' 和 '-'",

  appVariableName: (p) => `应用变量 ${p.name} 不是可以传给应用的名称`,
  variablePlainAndSecret: () => "有变量既是普通变量（env）又是 secret",
  appVariableControlCharacter: (p) => `应用变量 ${p.name} 含有控制符或行分隔符`,
  appSettingControlCharacter: () => "应用的用户、地域、secret 参数名或镜像仓库登录信息含有控制符或行分隔符",
  regionNeeded: () => "读取 secret 或登录镜像仓库需要 region",
  appAsRoot: () => "应用容器不能以 root（uid 0）身份或在 root 组（gid 0）中运行",
  appImage: (p) => `appImage 必须是镜像地址，如 "registry-vpc.cn-hangzhou.aliyuncs.com/team/app:1.2.0"，实际是 ${p.value}`,
  environment: (p) => `environment 只能包含小写字母、数字和 "-"（如 "dev"），实际是 ${p.value}`,
  logShipping: () => `logShipping 需要地域 ID，以及最多 30 个小写字母、数字和 "-" 组成的机器组 ID`,
  readinessTimeout: (p) => `readinessTimeout 必须是 ${p.min} 到 ${p.max} 之间的整数秒，实际是 ${p.value}`,

  invalidNginxOptions: () => "nginx 选项无效：",
  invalidAppContainer: () => "应用容器设置无效：",
  invalidCloudInitOptions: () => "cloud-init 选项无效：",

  userDataTooBig: (p) =>
    `实例的 user data 有 ${p.bytes} 字节，超过了 ECS 接受的 ${p.max} 字节（base64 编码前），pulumi up 时 RunInstances 会失败；` +
    "请缩小其中嵌入的内容（npm run render -- --stack <name> --out <dir> 可以查看）",
  userDataAboveOldLimit: (p) =>
    `实例的 user data 有 ${p.bytes} 字节：在 ECS 的 ${p.max} 字节上限之内，但超过了阿里云较早文档给出的 ${p.old} 字节`,
};
