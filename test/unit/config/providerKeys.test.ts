// The provider's config keys read from its declarations are the ones its config module defines:
// `alicloud:<key>` for any other key is refused as a typo.
import * as alicloudConfig from "@pulumi/alicloud/config/vars";
import { providerKeys } from "../../../lib/config/read";

test("the keys read from config/vars.d.ts are exactly those config/vars defines", () => {
  expect([...providerKeys()].sort()).toEqual(Object.keys(alicloudConfig).sort());
  expect(providerKeys()).toEqual(expect.arrayContaining(["region", "accessKey", "secretKey", "skipRegionValidation"]));
});
