// The lifecycle of backends attached one by one (fixtures/clb-attachments): up, no change on preview
// and refresh, a rollout that replaces both instances, destroy.
import { SLB_KINDS, serverGroupTimeline } from "../../../tools/cloudlab/products/slb";
import { createPki, chainPem } from "../../support/pki";
import { expectSuccess, withLabStack } from "../../support/labEngine";
import { expectNoPerpetualDiff, fixture } from "./lifecycle";

const projectDir = fixture("clb-attachments");

test("backends attached one by one: a rollout never leaves the group with fewer than two", async () => {
  const pki = await createPki("clb-attachments fixture");
  const leaf = await pki.leaf({ dnsNames: ["lab.example.com"] });
  await withLabStack({ stack: "lab", projectDir }, async (stack, lab) => {
    await stack.pulumiOk(["config", "set", "--secret", "clb-attachments:certificatePem"], { input: chainPem(leaf, pki.intermediate) });
    await stack.pulumiOk(["config", "set", "--secret", "clb-attachments:privateKeyPem"], { input: leaf.keyPem });
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const [group] = lab.store.list(SLB_KINDS.vServerGroup);
    const groupId = String(group?.VServerGroupId);
    expect(serverGroupTimeline(lab.store.changes, groupId).at(-1)?.value).toHaveLength(2);

    await expectNoPerpetualDiff(stack);

    await stack.pulumiOk(["config", "set", "clb-attachments:generation", "2"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the rollout");
    // Every moment from the first full group on held two backends or more: new ones attached before
    // old ones were detached.
    const sizes = serverGroupTimeline(lab.store.changes, groupId).map((m) => m.value.length);
    expect(Math.min(...sizes.slice(sizes.indexOf(2)))).toBeGreaterThanOrEqual(2);

    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
  });
});
