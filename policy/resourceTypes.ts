// Type tokens of the provider resources the policies look at.
export const TYPES = {
  listener: "alicloud:slb/listener:Listener",
  loadBalancer: "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
  /** The older name of the same CLB resource; judged the same way. */
  legacyLoadBalancer: "alicloud:slb/loadBalancer:LoadBalancer",
  serverCertificate: "alicloud:slb/serverCertificate:ServerCertificate",
  securityGroup: "alicloud:ecs/securityGroup:SecurityGroup",
  securityGroupRule: "alicloud:ecs/securityGroupRule:SecurityGroupRule",
  dnsRecord: "alicloud:dns/alidnsRecord:AlidnsRecord",
  /** Deprecated DNS record resource; judged the same way. */
  legacyDnsRecord: "alicloud:dns/record:Record",
  acmeCertificate: "acme:index/certificate:Certificate",
  instance: "alicloud:ecs/instance:Instance",
  disk: "alicloud:ecs/disk:Disk",
  ecsDisk: "alicloud:ecs/ecsDisk:EcsDisk",
  eipAddress: "alicloud:ecs/eipAddress:EipAddress",
  eipAssociation: "alicloud:ecs/eipAssociation:EipAssociation",
  haVipAttachment: "alicloud:vpc/hAVipAttachment:HAVipAttachment",
  forwardEntry: "alicloud:vpc/forwardEntry:ForwardEntry",
  ossBucket: "alicloud:oss/bucket:Bucket",
  ossBucketAcl: "alicloud:oss/bucketAcl:BucketAcl",
  ramPolicy: "alicloud:ram/policy:Policy",
  ramRolePolicyAttachment: "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment",
  ramUserPolicyAttachment: "alicloud:ram/userPolicyAttachment:UserPolicyAttachment",
  ramGroupPolicyAttachment: "alicloud:ram/groupPolicyAttachment:GroupPolicyAttachment",
  albLoadBalancer: "alicloud:alb/loadBalancer:LoadBalancer",
  albListener: "alicloud:alb/listener:Listener",
  nlbLoadBalancer: "alicloud:nlb/loadBalancer:LoadBalancer",
  nlbListener: "alicloud:nlb/listener:Listener",
} as const;

export const LOAD_BALANCER_TYPES: readonly string[] = [TYPES.loadBalancer, TYPES.legacyLoadBalancer];
export const DNS_RECORD_TYPES: readonly string[] = [TYPES.dnsRecord, TYPES.legacyDnsRecord];
export const DISK_TYPES: readonly string[] = [TYPES.disk, TYPES.ecsDisk];
export const RAM_POLICY_ATTACHMENT_TYPES: readonly string[] = [
  TYPES.ramRolePolicyAttachment,
  TYPES.ramUserPolicyAttachment,
  TYPES.ramGroupPolicyAttachment,
];
