// Security groups and their rules (ECS API 2014-05-26). Read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_security_group.go: CreateSecurityGroup (VpcId, SecurityGroupName,
//   Description, SecurityGroupType, ClientToken) answers SecurityGroupId; the Update that follows sets
//   tags (TagResources, ResourceType securitygroup) and InnerAccessPolicy (ModifySecurityGroupPolicy);
//   Read is DescribeSecurityGroups (SecurityGroupId filter; SecurityGroups.SecurityGroup[] with
//   SecurityGroupName, Description, VpcId, SecurityGroupType, ResourceGroupId, CreationTime,
//   Tags.Tag[]; none listed = gone) and DescribeSecurityGroupAttribute (InnerAccessPolicy;
//   InvalidSecurityGroupId.NotFound = gone); DeleteSecurityGroup retries on DependencyViolation
//   (an instance or a rule of another group still refers to it).
// - alicloud/resource_alicloud_security_group_rule.go and service_alicloud_ecs.go
//   DescribeSecurityGroupRule: AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress with
//   Permissions.N.{IpProtocol, PortRange, SourceCidrIp|DestCidrIp, Policy, Priority, NicType,
//   Description}; the rule is found again in DescribeSecurityGroupAttribute (Direction and NicType
//   filters; Permissions.Permission[] typed: IpProtocol, PortRange, SourceCidrIp, Policy, Priority as a
//   string, NicType, Direction, Description, SecurityGroupRuleId); Revoke* remove it;
//   ModifySecurityGroupRule / ModifySecurityGroupEgressRule change its description.
// The API answers IpProtocol in upper case and Policy capitalised ("TCP", "Accept"): the provider
// lowercases both (API reference DescribeSecurityGroupAttribute: IpProtocol TCP|UDP|ICMP|GRE|ALL).
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import { newId, type LabRecord, type LabStore } from "../../store";
import { KINDS } from "./kinds";
import { tagList } from "./tags";

const notFound = (): ApiError => new ApiError("InvalidSecurityGroupId.NotFound", "The specified SecurityGroupId does not exist.", 404);

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, "Z");
}

const createSecurityGroup: RpcHandler = ({ params, store, region }) => {
  const token = params.get("ClientToken");
  const same = token ? store.list(KINDS.securityGroup).find((g) => g._clientToken === token) : undefined;
  if (same) return { SecurityGroupId: same.SecurityGroupId };
  const vpcId = params.get("VpcId") ?? "";
  if (vpcId && !store.get(KINDS.vpc, vpcId)) throw new ApiError("InvalidVpcId.NotFound", "The specified VpcId does not exist.", 404);
  const id = newId("sg-bp1", 18);
  store.create(KINDS.securityGroup, id, {
    SecurityGroupId: id,
    RegionId: region,
    VpcId: vpcId,
    SecurityGroupName: params.get("SecurityGroupName") ?? "",
    Description: params.get("Description") ?? "",
    SecurityGroupType: params.get("SecurityGroupType") ?? "normal",
    ResourceGroupId: params.get("ResourceGroupId") ?? "rg-acfmlab0000000",
    InnerAccessPolicy: "Accept",
    CreationTime: now(),
    Tags: params.tags(),
    _clientToken: token,
  });
  return { SecurityGroupId: id };
};

const describeSecurityGroups: RpcHandler = ({ params, store }) => {
  const ids =
    params.json<string[]>("SecurityGroupIds") ?? (params.get("SecurityGroupId") ? [params.get("SecurityGroupId") as string] : undefined);
  const vpcId = params.get("VpcId");
  const groups = store
    .list(KINDS.securityGroup)
    .filter((g) => (!ids || ids.includes(String(g.SecurityGroupId))) && (!vpcId || g.VpcId === vpcId))
    .map((g) => ({
      SecurityGroupId: g.SecurityGroupId,
      SecurityGroupName: g.SecurityGroupName,
      Description: g.Description,
      VpcId: g.VpcId,
      SecurityGroupType: g.SecurityGroupType,
      ResourceGroupId: g.ResourceGroupId,
      CreationTime: g.CreationTime,
      ServiceManaged: false,
      RuleCount: rulesOf(store, String(g.SecurityGroupId)).length,
      EcsCount: instancesIn(store, String(g.SecurityGroupId)).length,
      Tags: tagList(g.Tags),
    }));
  return {
    RegionId: params.get("RegionId"),
    TotalCount: groups.length,
    PageNumber: 1,
    PageSize: 10,
    SecurityGroups: { SecurityGroup: groups },
  };
};

function rulesOf(store: LabStore, groupId: string): LabRecord[] {
  return store.list(KINDS.securityGroupRule).filter((r) => r.SecurityGroupId === groupId);
}

function instancesIn(store: LabStore, groupId: string): LabRecord[] {
  return store
    .list(KINDS.instance)
    .filter((i) => ((i.SecurityGroupIds as { SecurityGroupId: string[] }).SecurityGroupId ?? []).includes(groupId));
}

const describeSecurityGroupAttribute: RpcHandler = ({ params, store }) => {
  const group = store.must(KINDS.securityGroup, params.required("SecurityGroupId"), notFound);
  const direction = params.get("Direction");
  const nicType = params.get("NicType");
  const permissions = rulesOf(store, String(group.SecurityGroupId))
    .filter((r) => (!direction || direction === "all" || r.Direction === direction) && (!nicType || r.NicType === nicType))
    .map((r) => {
      const { SecurityGroupId: _group, _key: _k, ...rest } = r;
      return rest;
    });
  return {
    RegionId: group.RegionId,
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    Description: group.Description,
    VpcId: group.VpcId,
    InnerAccessPolicy: group.InnerAccessPolicy,
    Permissions: { Permission: permissions },
  };
};

const modifySecurityGroupAttribute: RpcHandler = ({ params, store }) => {
  const id = params.required("SecurityGroupId");
  store.must(KINDS.securityGroup, id, notFound);
  const patch: LabRecord = {};
  for (const key of ["SecurityGroupName", "Description"]) if (params.values[key] !== undefined) patch[key] = params.values[key];
  store.update(KINDS.securityGroup, id, patch);
  return {};
};

const modifySecurityGroupPolicy: RpcHandler = ({ params, store }) => {
  const id = params.required("SecurityGroupId");
  store.must(KINDS.securityGroup, id, notFound);
  const policy = params.required("InnerAccessPolicy");
  if (policy !== "Accept" && policy !== "Drop")
    throw new ApiError("InvalidInnerAccessPolicy.Malformed", "The specified InnerAccessPolicy is not valid.");
  store.update(KINDS.securityGroup, id, { InnerAccessPolicy: policy });
  return {};
};

const deleteSecurityGroup: RpcHandler = ({ params, store }) => {
  const id = params.required("SecurityGroupId");
  store.must(KINDS.securityGroup, id, notFound);
  if (instancesIn(store, id).length > 0)
    throw new ApiError("DependencyViolation", "There is still instance(s) in the specified security group.", 403);
  for (const rule of rulesOf(store, id)) store.delete(KINDS.securityGroupRule, String(rule._key));
  store.delete(KINDS.securityGroup, id);
  return {};
};

/** What makes a rule the same rule: the API refuses a second identical one (AuthorizationRule.Duplicate). */
function ruleKey(groupId: string, direction: string, p: Record<string, string>): string {
  const peer =
    direction === "ingress"
      ? (p.SourceCidrIp ?? p.SourceGroupId ?? p.SourcePrefixListId)
      : (p.DestCidrIp ?? p.DestGroupId ?? p.DestPrefixListId);
  return [
    groupId,
    direction,
    (p.IpProtocol ?? "").toUpperCase(),
    p.PortRange,
    p.NicType ?? "intranet",
    peer,
    (p.Policy ?? "accept").toLowerCase(),
    p.Priority ?? "1",
  ].join("|");
}

function permissionsOf(params: Params): Record<string, string>[] {
  const listed = params.objects("Permissions");
  if (listed.length > 0) return listed;
  // The older single-rule form: the same fields at the top level.
  const single: Record<string, string> = {};
  for (const key of [
    "IpProtocol",
    "PortRange",
    "SourceCidrIp",
    "DestCidrIp",
    "Policy",
    "Priority",
    "NicType",
    "Description",
    "SourceGroupId",
    "DestGroupId",
  ]) {
    const v = params.get(key);
    if (v !== undefined) single[key] = v;
  }
  return [single];
}

function authorize(direction: "ingress" | "egress"): RpcHandler {
  return ({ params, store }) => {
    const groupId = params.required("SecurityGroupId");
    store.must(KINDS.securityGroup, groupId, notFound);
    for (const p of permissionsOf(params)) {
      const protocol = (p.IpProtocol ?? "").toUpperCase();
      if (!["TCP", "UDP", "ICMP", "GRE", "ALL", "ICMPV6"].includes(protocol))
        throw new ApiError("InvalidIpProtocol.Malformed", "The specified IpProtocol is not valid.");
      if (!/^-?\d+\/-?\d+$/.test(p.PortRange ?? ""))
        throw new ApiError("InvalidIpPortRange.Malformed", "The specified PortRange is not valid.");
      const key = ruleKey(groupId, direction, p);
      if (store.get(KINDS.securityGroupRule, key)) throw new ApiError("AuthorizationRule.Duplicate", "The specified rule already exists.");
      store.create(KINDS.securityGroupRule, key, {
        _key: key,
        SecurityGroupId: groupId,
        SecurityGroupRuleId: newId("sgr-bp1", 18),
        Direction: direction,
        IpProtocol: protocol,
        PortRange: p.PortRange,
        SourceCidrIp: direction === "ingress" ? (p.SourceCidrIp ?? "") : "",
        DestCidrIp: direction === "egress" ? (p.DestCidrIp ?? "") : "",
        SourceGroupId: p.SourceGroupId ?? "",
        DestGroupId: p.DestGroupId ?? "",
        SourcePrefixListId: p.SourcePrefixListId ?? "",
        DestPrefixListId: p.DestPrefixListId ?? "",
        Ipv6SourceCidrIp: "",
        Ipv6DestCidrIp: "",
        SourceGroupOwnerAccount: "",
        DestGroupOwnerAccount: "",
        Policy: (p.Policy ?? "accept").toLowerCase() === "drop" ? "Drop" : "Accept",
        Priority: p.Priority ?? "1",
        NicType: p.NicType ?? "intranet",
        Description: p.Description ?? "",
        CreateTime: now(),
      });
    }
    return {};
  };
}

function revoke(direction: "ingress" | "egress"): RpcHandler {
  return ({ params, store }) => {
    const groupId = params.required("SecurityGroupId");
    store.must(KINDS.securityGroup, groupId, notFound);
    for (const p of permissionsOf(params)) store.delete(KINDS.securityGroupRule, ruleKey(groupId, direction, p));
    return {};
  };
}

function modifyRule(direction: "ingress" | "egress"): RpcHandler {
  return ({ params, store }) => {
    const groupId = params.required("SecurityGroupId");
    store.must(KINDS.securityGroup, groupId, notFound);
    const key = ruleKey(groupId, direction, params.values as Record<string, string>);
    if (!store.get(KINDS.securityGroupRule, key))
      throw new ApiError("InvalidSecurityGroupRule.NotFound", "The specified rule does not exist.", 404);
    store.update(KINDS.securityGroupRule, key, { Description: params.get("Description") ?? "" });
    return {};
  };
}

export const securityGroupActions: Record<string, RpcHandler> = {
  CreateSecurityGroup: createSecurityGroup,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupAttribute: describeSecurityGroupAttribute,
  ModifySecurityGroupAttribute: modifySecurityGroupAttribute,
  ModifySecurityGroupPolicy: modifySecurityGroupPolicy,
  DeleteSecurityGroup: deleteSecurityGroup,
  AuthorizeSecurityGroup: authorize("ingress"),
  AuthorizeSecurityGroupEgress: authorize("egress"),
  RevokeSecurityGroup: revoke("ingress"),
  RevokeSecurityGroupEgress: revoke("egress"),
  ModifySecurityGroupRule: modifyRule("ingress"),
  ModifySecurityGroupEgressRule: modifyRule("egress"),
};
