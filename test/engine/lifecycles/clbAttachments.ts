// The lifecycle of backends attached one by one (fixtures/clb-attachments): up, no change on preview
// and refresh, a rollout that replaces both instances, destroy. Waiting for the ECS and VPC emulation
// (VPC, vSwitch, security group, instances): a test file calls it once that is on main; until then
// the attachment actions are covered by cloudlab/slbServerGroups.test.ts with seeded instances. The
// calling test file replaces the engine layout as clbHttps.test.ts does (support/engineLayout.ts).
import * as path from "node:path";
import { SLB_KINDS, serverGroupTimeline } from "../../../tools/cloudlab/products/slb";
import { createPki, chainPem } from "../../support/pki";
import { withLabStack } from "../../support/labEngine";

const projectDir = path.join(__dirname, "..", "fixtures", "clb-attachments");

export async function clbAttachmentsLifecycle(): Promise<void> {
  const pki = await createPki("clb-attachments fixture");
  const leaf = await pki.leaf({ dnsNames: ["lab.example.com"] });
  await withLabStack({ stack: "lab", projectDir }, async (stack, lab) => {
    await stack.pulumiOk(["config", "set", "--secret", "clb-attachments:certificatePem"], { input: chainPem(leaf, pki.intermediate) });
    await stack.pulumiOk(["config", "set", "--secret", "clb-attachments:privateKeyPem"], { input: leaf.keyPem });
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    const [group] = lab.store.list(SLB_KINDS.vServerGroup);
    const groupId = String(group?.VServerGroupId);
    expect(serverGroupTimeline(lab.store.changes, groupId).at(-1)?.value).toHaveLength(2);

    await stack.pulumiOk(["preview", "--expect-no-changes"]);
    await stack.pulumiOk(["refresh", "--expect-no-changes", "--yes"]);

    await stack.pulumiOk(["config", "set", "clb-attachments:generation", "2"]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    // Every moment from the first full group on held two backends or more: new ones attached before
    // old ones were detached.
    const sizes = serverGroupTimeline(lab.store.changes, groupId).map((m) => m.value.length);
    expect(Math.min(...sizes.slice(sizes.indexOf(2)))).toBeGreaterThanOrEqual(2);

    await stack.pulumiOk(["destroy", "--yes"]);
    expect(lab.store.list(SLB_KINDS.loadBalancer)).toEqual([]);
  });
}
