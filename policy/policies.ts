// The project's guardrails as CrossGuard policies: WeChat's rules (TLS 1.2+, HTTPS only, a valid
// certificate) and the safety rules of a production stack. Each policy is exported on its own so
// tests can call it; policy/index.ts only collects them into the pack. The policies of each kind of
// resource live in their own file (listeners, security groups, DNS, instances); the stack-wide
// prod rules and the certificate's are here.
//
// Every message names the property to change and, where the stack config sets it, the config key.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { albNlbListenersNotExposed } from "./albNlbPolicies";
import { leafValidity } from "./certificateExpiry";
import { dnsRecordPointsAtLoadBalancer, dnsRecordTtl } from "./dnsPolicies";
import { PROD_ONLY_CONFIG_SCHEMA, appliesToProd } from "./environment";
import { disksEncrypted, instanceMetadataTokensRequired, instancesWithoutPublicIp } from "./instancePolicies";
import {
  httpListenerRedirectsToHttps,
  httpsListenerHttp2,
  httpsListenerTls12,
  onlyHttpsAndRedirectListeners,
  prodStrictTlsPolicy,
} from "./listenerPolicies";
import { NOT_KNOWN, peek, peekNumber, peekString } from "./props";
import { DNS_RECORD_TYPES, LOAD_BALANCER_TYPES, TYPES } from "./resourceTypes";
import {
  backendPortOnlyFromLoadBalancer,
  noAdminPortsFromInternet,
  noOtherPortsFromInternet,
  noSensitivePortsFromInternet,
} from "./securityGroupPolicies";
import { DEFAULT_MIN_DAYS_REMAINING } from "./shared/constants";
import { ramPoliciesNotAdministrator } from "./ramPolicies";
import { ossBucketsPrivate } from "./storagePolicies";

export {
  albNlbListenersNotExposed,
  backendPortOnlyFromLoadBalancer,
  disksEncrypted,
  dnsRecordPointsAtLoadBalancer,
  dnsRecordTtl,
  httpListenerRedirectsToHttps,
  httpsListenerHttp2,
  httpsListenerTls12,
  instanceMetadataTokensRequired,
  instancesWithoutPublicIp,
  noAdminPortsFromInternet,
  noOtherPortsFromInternet,
  noSensitivePortsFromInternet,
  onlyHttpsAndRedirectListeners,
  ossBucketsPrivate,
  prodStrictTlsPolicy,
  ramPoliciesNotAdministrator,
};

const SET_PROTECT = "stack config: pulumi config set protect true";

export const prodStatefulResourcesProtected: StackValidationPolicy = {
  name: "prod-stateful-resources-protected",
  description:
    "Prod: the load balancer (its address is what DNS and WeChat point at) is protected with delete protection on, and DNS records are protected; " +
    "at the instance edge its EIP likewise (its address is also what the ICP filing is bound to). " +
    "The server certificate is deliberately not required: renewal must be able to replace it.",
  enforcementLevel: "mandatory",
  configSchema: PROD_ONLY_CONFIG_SCHEMA,
  validateStack: (args, reportViolation) => {
    if (!appliesToProd(args, "not a prod stack: these rules apply to prod only")) return;
    for (const resource of args.resources) {
      if (LOAD_BALANCER_TYPES.includes(resource.type)) {
        if (!resource.opts.protect) {
          reportViolation(
            `prod: load balancer "${resource.name}" is not protected; its address is what DNS and WeChat point at: set protect (${SET_PROTECT})`,
            resource.urn,
          );
        }
        const deleteProtection = peekString(resource.props, "deleteProtection");
        if (deleteProtection !== NOT_KNOWN && deleteProtection !== "on") {
          reportViolation(
            `prod: load balancer "${resource.name}" has deleteProtection "${deleteProtection ?? "off"}": turn delete protection on (${SET_PROTECT})`,
            resource.urn,
          );
        }
      } else if (resource.type === TYPES.eipAddress) {
        if (!resource.opts.protect) {
          reportViolation(
            `prod: EIP "${resource.name}" is not protected; its address is what DNS and the ICP filing point at: set protect (${SET_PROTECT})`,
            resource.urn,
          );
        }
        const eipProtection = peekString(resource.props, "deletionProtection");
        if (eipProtection !== NOT_KNOWN && eipProtection !== "true") {
          reportViolation(
            `prod: EIP "${resource.name}" can be released (deletionProtection ${eipProtection ?? "unset"}): turn deletion protection on (${SET_PROTECT})`,
            resource.urn,
          );
        }
      } else if (DNS_RECORD_TYPES.includes(resource.type) && !resource.opts.protect) {
        reportViolation(`prod: DNS record "${resource.name}" is not protected: set protect (${SET_PROTECT})`, resource.urn);
      }
    }
  },
};

const RENEW_CERTIFICATE =
  "renew it and set the new chain (pulumi config set --secret certificatePem < fullchain.pem), or use certificateSource acme";

export const certificateValidity: ResourceValidationPolicy = {
  name: "certificate-validity",
  description: "The server certificate stays valid at least 30 more days (checked whenever its PEM is known), and ACME renews that early.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      minDaysRemaining: { type: "integer", minimum: 0, default: DEFAULT_MIN_DAYS_REMAINING },
    },
  },
  validateResource: (args, reportViolation) => {
    const minDays = args.getConfig<{ minDaysRemaining?: number }>().minDaysRemaining ?? DEFAULT_MIN_DAYS_REMAINING;
    if (args.type === TYPES.acmeCertificate) {
      const renewAt = peekNumber(args.props, "minDaysRemaining");
      if (typeof renewAt === "number" && renewAt < minDays) {
        reportViolation(
          `ACME certificate "${args.name}" is renewed only ${renewAt} days before it expires (minDaysRemaining ` +
            `${renewAt}): set minDaysRemaining to at least ${minDays} so the weekly renewal replaces it in time`,
        );
      }
      return;
    }
    if (args.type !== TYPES.serverCertificate) return;
    const pem = peek(args.props, "serverCertificate");
    if (pem.state === "unknown") {
      args.notApplicable(
        `the certificate of "${args.name}" is not known until it is issued or decrypted (pulumi preview); checked at pulumi up`,
      );
    }
    if (pem.state === "absent") {
      const casId = peek(args.props, "alicloudCertificateId");
      if (casId.state !== "absent") {
        args.notApplicable(
          `certificate "${args.name}" comes from SSL Certificates Service (alicloudCertificateId); the verifier checks its expiry`,
        );
      }
      reportViolation(
        `server certificate "${args.name}" has neither serverCertificate nor alicloudCertificateId: set the ` +
          `chain, leaf first (pulumi config set --secret certificatePem < fullchain.pem)`,
      );
      return;
    }
    const validity = leafValidity(String(pem.state === "known" ? pem.value : ""), new Date());
    if (!validity) {
      reportViolation(
        `server certificate "${args.name}" has no readable PEM certificate in serverCertificate: set the chain, ` +
          `leaf first (pulumi config set --secret certificatePem < fullchain.pem)`,
      );
      return;
    }
    const date = validity.notAfter.toISOString().slice(0, 10);
    if (validity.daysLeft < 0) {
      reportViolation(`server certificate "${args.name}" (${validity.subject}) expired on ${date}: ${RENEW_CERTIFICATE}`);
    } else if (validity.daysLeft < minDays) {
      reportViolation(
        `server certificate "${args.name}" (${validity.subject}) expires on ${date} (${validity.daysLeft} days ` +
          `left); at least ${minDays} days are required: ${RENEW_CERTIFICATE}`,
      );
    }
  },
};

/** Every policy of the pack, in the order the CLI reports them. */
export const ALL_POLICIES = [
  httpsListenerTls12,
  prodStrictTlsPolicy,
  httpsListenerHttp2,
  onlyHttpsAndRedirectListeners,
  httpListenerRedirectsToHttps,
  albNlbListenersNotExposed,
  noAdminPortsFromInternet,
  noSensitivePortsFromInternet,
  noOtherPortsFromInternet,
  backendPortOnlyFromLoadBalancer,
  instancesWithoutPublicIp,
  instanceMetadataTokensRequired,
  disksEncrypted,
  ossBucketsPrivate,
  ramPoliciesNotAdministrator,
  dnsRecordTtl,
  dnsRecordPointsAtLoadBalancer,
  prodStatefulResourcesProtected,
  certificateValidity,
];
