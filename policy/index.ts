// The CrossGuard policy pack: `pulumi preview --policy-pack policy` (see docs/review.md).
// The policies live in policies.ts; this file only collects them, because constructing a
// PolicyPack starts the analyzer's gRPC server for the Pulumi CLI.
import { PolicyPack } from "@pulumi/policy";
import { ALL_POLICIES } from "./policies";

new PolicyPack("wechat-https-backend", {
  description: "WeChat's HTTPS rules (TLS 1.2+, HTTPS only, a valid certificate) and prod safety for the CLB + ECS stack",
  enforcementLevel: "mandatory",
  policies: ALL_POLICIES,
});
