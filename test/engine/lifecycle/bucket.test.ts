// The monitoring state bucket through the real CLI and provider against the emulator: created, read
// back with no difference, retagged in place, and destroyed although the function left an object in
// it (force_destroy: OSS refuses the first DeleteBucket with BucketNotEmpty).
import type { LabRecord } from "../../../tools/cloudlab/store";
import { expectSuccess, withLabStack } from "../../support/labEngine";
import { labRequest } from "../../support/labClients";
import { expectNoPerpetualDiff, fixture } from "./lifecycle";

const bucket = "whb-lab-monitor-0a1b2c3d";

test("bucket: up, no perpetual diff, an update in place, destroy of a bucket that is not empty", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("bucket") }, async (stack, lab) => {
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const state = lab.store.snapshot();
    expect(Object.keys(state).sort()).toEqual(["alidns.domain", "oss.bucket"]);
    const b = state["oss.bucket"]?.[0] as LabRecord;
    expect(b).toMatchObject({
      Name: bucket,
      AccessControlList: { Grant: "private" },
      StorageClass: "Standard",
      DataRedundancyType: "LRS",
      ServerSideEncryptionRule: { SSEAlgorithm: "AES256" },
    });
    expect(b.Tags).toEqual(
      expect.arrayContaining([
        { Key: "project", Value: "lab" },
        { Key: "stack", Value: "lab" },
      ]),
    );

    await expectNoPerpetualDiff(stack);

    await stack.pulumiOk(["config", "set", "stackTag", "changed"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the update");
    const after = lab.store.get("oss.bucket", bucket) as LabRecord;
    expect(after.Tags).toEqual(expect.arrayContaining([{ Key: "stack", Value: "changed" }]));
    expect(after.CreationDate).toBe(b.CreationDate);
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes"]), "a preview after the update (no changes expected)");

    // What the monitoring function leaves behind: its state object.
    expect((await labRequest(lab, "PUT", `${bucket}.oss.cloudlab.invalid`, "/state/state.json", { body: "{}" })).status).toBe(200);
    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
    const deletes = lab.store.requests.filter((r) => r.action === "DeleteBucket").map((r) => [r.status, r.code]);
    expect(deletes).toEqual([
      [409, "BucketNotEmpty"],
      [204, undefined],
    ]);
  });
});
