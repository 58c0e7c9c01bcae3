// What the SLB contract tests share: an SLB caller and a PKI for a running lab (useLab starts it),
// certificates and load balancers to use.
import type { CloudLab } from "../../../tools/cloudlab";
import { createPki, chainPem, type Issued, type TestPki } from "../../support/pki";
import { rpcCaller, type RpcCall } from "../../support/labClients";

export type SlbCall = RpcCall;

export interface SlbLab {
  readonly lab: CloudLab;
  readonly slb: SlbCall;
  readonly pki: TestPki;
}

/** The SLB API (2014-05-15) of `lab`, and a PKI to issue its certificates. */
export async function slbLab(lab: CloudLab): Promise<SlbLab> {
  return { lab, slb: rpcCaller(lab, "slb", "2014-05-15"), pki: await createPki("cloudlab slb") };
}

/** A leaf for `domain` and its chain (leaf, intermediate) as CLB takes it. */
export async function leafFor(pki: TestPki, domain: string): Promise<{ leaf: Issued; chain: string }> {
  const leaf = await pki.leaf({ dnsNames: [domain] });
  return { leaf, chain: chainPem(leaf, pki.intermediate) };
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
