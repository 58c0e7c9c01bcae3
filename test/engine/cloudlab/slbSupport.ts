// What the SLB contract tests share: the emulator, an SLB caller, certificates and instances to use.
import { startCloudLab, type CloudLab } from "../../../tools/cloudlab";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { createPki, chainPem, type Issued, type TestPki } from "../../support/pki";
import { routeLabHostsThrough, rpcCaller } from "../../support/labClients";

export type SlbCall = ReturnType<typeof rpcCaller>;

export interface SlbLab {
  readonly lab: CloudLab;
  readonly slb: SlbCall;
  readonly pki: TestPki;
  stop(): Promise<void>;
}

export async function startSlbLab(): Promise<SlbLab> {
  const lab = await startCloudLab();
  const unroute = routeLabHostsThrough(lab);
  return {
    lab,
    slb: rpcCaller(lab, "slb", "2014-05-15"),
    pki: await createPki("cloudlab slb"),
    stop: async () => {
      unroute();
      await lab.stop();
    },
  };
}

/** A leaf for `domain` and its chain (leaf, intermediate) as CLB takes it. */
export async function leafFor(pki: TestPki, domain: string): Promise<{ leaf: Issued; chain: string }> {
  const leaf = await pki.leaf({ dnsNames: [domain] });
  return { leaf, chain: chainPem(leaf, pki.intermediate) };
}

/** An ECS instance record as the ECS emulation will keep it (products/ecs/kinds.ts InstanceFacts). */
export function seedInstance(lab: CloudLab, id: string, options: { vpcId?: string; status?: string; ip?: string } = {}): void {
  lab.store.create(KINDS.instance, id, {
    InstanceId: id,
    Status: options.status ?? "Running",
    ZoneId: "cn-hangzhou-i",
    RegionId: "cn-hangzhou",
    VpcAttributes: {
      VpcId: options.vpcId ?? "vpc-bp1lab0000000000000a",
      VSwitchId: "vsw-bp1lab0000000000000a",
      PrivateIpAddress: { IpAddress: [options.ip ?? "172.16.0.10"] },
    },
    InstanceType: "ecs.c7.large",
    ImageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
  });
}

export async function createLoadBalancer(slb: SlbCall, extra: Record<string, string> = {}): Promise<string> {
  const created = await slb<{ LoadBalancerId: string }>("CreateLoadBalancer", {
    AddressType: "internet",
    InstanceChargeType: "PayByCLCU",
    InternetChargeType: "paybytraffic",
    LoadBalancerName: "lab-clb",
    ...extra,
  });
  return created.LoadBalancerId;
}

export async function uploadCertificate(slb: SlbCall, chain: string, key: string, name = "lab-cert"): Promise<string> {
  const uploaded = await slb<{ ServerCertificateId: string }>("UploadServerCertificate", {
    ServerCertificate: chain,
    PrivateKey: key,
    ServerCertificateName: name,
  });
  return uploaded.ServerCertificateId;
}
