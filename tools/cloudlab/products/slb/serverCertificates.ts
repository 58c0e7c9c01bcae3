// Server certificates (alicloud_slb_server_certificate). Read in terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_slb_server_certificate.go: UploadServerCertificate (typed SDK:
// ServerCertificate + PrivateKey, or AliCloudCertificateId/Name/RegionId for one from SSL
// Certificates Service; ServerCertificateName), the id from its ServerCertificateId; Read calls
// ListTagResources "certificate" first, then DescribeServerCertificates with ServerCertificateId and
// takes ServerCertificates.ServerCertificate[0] (an empty list or another id: gone) for
// ServerCertificateName, AliCloudCertificateId/Name, ResourceGroupId; Update SetServerCertificateName;
// Delete DeleteServerCertificate, retried for 3 minutes on CertificateAndPrivateKeyIsRefered,
// ServerCertificateId.NotFound taken as gone. Fields: alibaba-cloud-sdk-go services/slb ServerCertificate.
// Errors: DeleteServerCertificate's reference (in use) and the common error codes (the PEM checks).
import { ApiError } from "../../apiError";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { CAS_CERTIFICATE } from "../cas/certificates";
import { apiTime, certificateFacts, privateKeyOf, type CertificateFacts } from "../cas/certificateFacts";
import { certificateInUse, certificateMalformed, certificateNotFound, invalidParameter, keyMismatch } from "./errors";
import { SLB_KINDS, newServerCertificateId, tagsOf } from "./kinds";
import { DEFAULT_RESOURCE_GROUP } from "./loadBalancers";
import { tagList } from "./tags";

/** What DescribeServerCertificates reports of a certificate, from its leaf. */
function leafFields(facts: CertificateFacts): LabRecord {
  return {
    CommonName: facts.commonName,
    SubjectAlternativeNames: { SubjectAlternativeName: facts.sans },
    Fingerprint: facts.fingerprint,
    ExpireTime: apiTime(facts.notAfter),
    ExpireTimeStamp: facts.notAfter.getTime(),
    EncryptionAlgorithm: facts.keyAlgorithm,
    EncryptionKeyLength: facts.keyLength,
  };
}

/** The PEM checks of the common error codes: readable chain, readable unencrypted key, a matching pair. */
function uploadedFields(chain: string | undefined, key: string | undefined): LabRecord {
  if (!chain || !key) throw invalidParameter("The specified parameter ServerCertificate or Key is empty.");
  const facts = certificateFacts(chain);
  if (!facts) throw certificateMalformed();
  if (/ENCRYPTED/.test(key)) throw new ApiError("PrivateKeyEncryption", "Key has Encrypted .", 400);
  const privateKey = privateKeyOf(key);
  if (!privateKey) throw invalidParameter("The specified parameter key format is error.");
  if (!facts.leaf.checkPrivateKey(privateKey)) throw keyMismatch();
  // The chain as uploaded, under the parameter's name: the certificate CLB serves (never the key).
  return {
    ...leafFields(facts),
    IsAliCloudCertificate: 0,
    AliCloudCertificateId: "",
    AliCloudCertificateName: "",
    ServerCertificate: chain,
  };
}

const uploadServerCertificate: RpcHandler = ({ params, store, region }) => {
  const casId = params.get("AliCloudCertificateId");
  let fields: LabRecord;
  if (casId !== undefined) {
    const found = store.get(CAS_CERTIFICATE, casId);
    // Not in SSL Certificates Service: the code is the common list's generic one (not confirmed for this case).
    if (!found) throw invalidParameter("The specified parameter AliCloudCertificateId is not valid.");
    const facts = certificateFacts(String(found.Cert));
    fields = {
      ...(facts ? leafFields(facts) : {}),
      IsAliCloudCertificate: 1,
      AliCloudCertificateId: casId,
      AliCloudCertificateName: params.get("AliCloudCertificateName") ?? found.Name,
      ServerCertificate: found.Cert,
    };
  } else {
    fields = uploadedFields(params.get("ServerCertificate"), params.get("PrivateKey"));
  }
  const now = new Date();
  const id = newServerCertificateId(store.accountId, now.getTime());
  const record = store.create(SLB_KINDS.serverCertificate, id, {
    ServerCertificateId: id,
    ServerCertificateName: params.get("ServerCertificateName") ?? "",
    RegionId: region,
    RegionIdAlias: region,
    ResourceGroupId: params.get("ResourceGroupId") ?? DEFAULT_RESOURCE_GROUP,
    CreateTime: apiTime(now),
    CreateTimeStamp: now.getTime(),
    ...fields,
    Tags: { Tag: tagList(params.tags()) },
  });
  // The key CLB holds to serve the chain, for the emulator's data plane only (never answered).
  const key = casId === undefined ? params.get("PrivateKey") : (store.get(CAS_CERTIFICATE, casId)?.Key as string | undefined);
  if (key) store.keepHidden(SLB_KINDS.serverCertificate, id, key);
  return described(record);
};

/** A certificate as the API shows it: without the uploaded chain. */
function described(record: LabRecord): LabRecord {
  const { ServerCertificate: _chain, ...shown } = record;
  return shown;
}

const describeServerCertificates: RpcHandler = ({ params, store }) => {
  const ids = params.get("ServerCertificateId")?.split(",");
  const group = params.get("ResourceGroupId");
  const ServerCertificate = store
    .list(SLB_KINDS.serverCertificate)
    .filter((c) => (!ids || ids.includes(String(c.ServerCertificateId))) && (!group || c.ResourceGroupId === group))
    .map((c) => ({ ...described(c), Tags: { Tag: tagsOf(c) } }));
  return { ServerCertificates: { ServerCertificate } };
};

function mustCertificate(store: LabStore, id: string): LabRecord {
  return store.must(SLB_KINDS.serverCertificate, id, certificateNotFound);
}

export const serverCertificateActions: Record<string, RpcHandler> = {
  UploadServerCertificate: uploadServerCertificate,
  DescribeServerCertificates: describeServerCertificates,
  SetServerCertificateName: ({ params, store }) => {
    const id = params.required("ServerCertificateId");
    mustCertificate(store, id);
    store.update(SLB_KINDS.serverCertificate, id, { ServerCertificateName: params.required("ServerCertificateName") });
    return {};
  },
  DeleteServerCertificate: ({ params, store }) => {
    const id = params.required("ServerCertificateId");
    mustCertificate(store, id);
    const inUse = store.list(SLB_KINDS.listener).some((l) => l.ServerCertificateId === id || l.CACertificateId === id);
    if (inUse) throw certificateInUse();
    store.delete(SLB_KINDS.serverCertificate, id);
    return {};
  },
};
