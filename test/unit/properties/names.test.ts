// Properties of the physical names built from the stack name (lib/names.ts, lib/cloud/appRole.ts):
// for any stack name Pulumi accepts, every name passes its resource's rule as read upstream; a name
// that fits is what it always was; two stacks never share a name.
import fc from "fast-check";
import { createHash } from "node:crypto";
import {
  appRoleStatements,
  appSecretParameterName,
  registryPasswordParameterName,
  secretParameterPrefixes,
} from "../../../lib/cloud/appRole";
import { MAX_SECRET_PARAMETER_NAME_LENGTH } from "../../../lib/constants";
import { monitoringNames, stackSlug } from "../../../lib/monitoring/names";
import { NAME_RULES, fitName, physicalName, ramName, stackPrefix, type NamedResource } from "../../../lib/names";
import { PROVIDER_REGIONS } from "../../../lib/cloud/regions";

const RUNS = { numRuns: 300 };

/** What pulumi/pulumi sdk/go/common/tokens/stack_name.go accepts: 1-100 of [A-Za-z0-9_.-]. */
const stackName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,100}$/);
/** Long ones on purpose: most of the interesting cases are past 50 characters. */
const longStackName = fc.stringMatching(/^[A-Za-z0-9_.-]{50,100}$/);
const anyStack = fc.oneof(stackName, longStackName);
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,99}$/);

/** Two stack names a lossy map would merge: the same words, one with "." or "_" or upper case where the other has "-" or lower case. */
const twins = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,20}){1,3}$/), fc.constantFrom(".", "_", "upper", "lead"))
  .map(([plain, how]): [string, string] => [
    plain,
    how === "upper" ? plain.toUpperCase() : how === "lead" ? `-${plain}` : plain.replace(/-/g, how),
  ])
  .filter(([a, b]) => a !== b);

const hash16 = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Every name the components give from the stack, by resource, as the components build them. */
function names(stack: string): [NamedResource, string][] {
  return [
    ["loadBalancer", physicalName("loadBalancer", stack, "-clb")],
    ["serverGroup", physicalName("serverGroup", stack, "-backends")],
    ["vpc", physicalName("vpc", stack, "-vpc")],
    // zoneCount is at most 5 (lib/config/keys.ts): vSwitches 0-4.
    ...[0, 1, 2, 3, 4].map((i): [NamedResource, string] => ["vswitch", physicalName("vswitch", stack, `-vswitch-${i}`)]),
    ["securityGroup", physicalName("securityGroup", stack, "-sg")],
    ["ramRole", ramName(stack, "cn-hangzhou", "app")],
    ["ramPolicy", ramName(stack, "cn-hangzhou", "app")],
  ];
}

/** OOS: 2-180 of letters, digits, "-", "/", "_", not starting with a reserved word (website/docs/r/oos_secret_parameter.html.markdown). */
function validOosName(name: string): boolean {
  return /^[A-Za-z0-9/_-]{2,180}$/.test(name) && !/^(ALIYUN|ACS|ALIBABA|ALICLOUD|OOS)/i.test(name);
}

/** The RAM name as it was before lib/names.ts: deployed roles and policies carry it (role_name is ForceNew). */
function ramNameBefore(stack: string, region: string, suffix: string): string {
  const name = `wechat-https-backend-${stack}-${region}-${suffix}`.replace(/[^A-Za-z0-9-]/g, "-");
  if (name.length <= 64) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, 64 - suffix.length - 10)}-${hash}-${suffix}`;
}

describe("physical names from the stack name", () => {
  test("every name passes its resource's rule, for any stack name Pulumi accepts", () => {
    fc.assert(
      fc.property(anyStack, (stack) => {
        for (const [resource, name] of names(stack)) {
          expect({ resource, name, ok: NAME_RULES[resource].pattern.test(name) }).toEqual({ resource, name, ok: true });
        }
      }),
      RUNS,
    );
  });

  test("a name that fits is exactly what it was before: deployed stacks see no rename", () => {
    fc.assert(
      fc.property(anyStack, (stack) => {
        for (const [resource, suffix] of [
          ["loadBalancer", "-clb"],
          ["serverGroup", "-backends"],
          ["vpc", "-vpc"],
          ["vswitch", "-vswitch-4"],
          ["securityGroup", "-sg"],
        ] as const) {
          const before = `wechat-https-backend-${stack}${suffix}`;
          if (before.length <= NAME_RULES[resource].max) expect(physicalName(resource, stack, suffix)).toBe(before);
          else expect(physicalName(resource, stack, suffix)).toHaveLength(NAME_RULES[resource].max);
        }
        // RAM names: kept for the stack names RAM can carry as they are (lowercase, digits, inner "-").
        if (/^[a-z0-9][a-z0-9-]*$/.test(stack))
          expect(ramName(stack, "cn-hangzhou", "app")).toBe(ramNameBefore(stack, "cn-hangzhou", "app"));
      }),
      RUNS,
    );
  });

  test("two stack names never share a name, however long their common start", () => {
    fc.assert(
      fc.property(longStackName, fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/), (stack, tail) => {
        const other = `${stack}${tail}`.slice(0, 100);
        fc.pre(other !== stack);
        const ours = names(stack).filter(([resource]) => resource !== "ramRole" && resource !== "ramPolicy");
        const theirs = names(other).filter(([resource]) => resource !== "ramRole" && resource !== "ramPolicy");
        ours.forEach(([, name], i) => expect(name).not.toBe(theirs[i][1]));
      }),
      RUNS,
    );
  });

  test("RAM role and policy names are one-to-one on stack names: shop.prod, shop_prod, Shop-Prod and shop-prod each have their own", () => {
    const role = (stack: string) => ramName(stack, "cn-hangzhou", "app");
    fc.assert(
      fc.property(twins, ([a, b]) => expect(role(a)).not.toBe(role(b))),
      RUNS,
    );
    fc.assert(
      fc.property(anyStack, anyStack, (a, b) => {
        fc.pre(a !== b);
        expect(role(a)).not.toBe(role(b));
      }),
      RUNS,
    );
    const names = ["shop-prod", "shop.prod", "shop_prod", "Shop-Prod", "-shop-prod"].map(role);
    expect(new Set(names).size).toBe(5);
    expect(names[0]).toBe("wechat-https-backend-shop-prod-cn-hangzhou-app");
    expect(names[1]).toBe(`wechat-https-backend--shop-prod-${hash16("shop.prod")}-cn-hangzhou-app`);
    // The longest region leaves no room for the start; the name still fits RAM's 64 characters.
    expect(ramName("a.b", "cn-shanghai-finance-1", "app")).toBe(`wechat-https-backend--${hash16("a.b")}-cn-shanghai-finance-1-app`);
  });

  test("no region's last part is 8 hex digits: a plain name cut by fitName (hash before the suffix) is no whole name", () => {
    for (const region of PROVIDER_REGIONS) expect([region, /-[0-9a-f]{8}$/.test(region)]).toEqual([region, false]);
  });

  test("a 100-character stack name: the names that were too long are cut to their limit, the others kept", () => {
    const stack = "s".repeat(100);
    const lengths = Object.fromEntries(names(stack).map(([resource, name]) => [resource, name.length]));
    // Before: -clb 125, -backends 130, -vpc 125, -vswitch-N 131, -sg 124.
    expect(lengths).toEqual({ loadBalancer: 80, serverGroup: 80, vpc: 125, vswitch: 128, securityGroup: 124, ramRole: 64, ramPolicy: 64 });
    expect(physicalName("loadBalancer", stack, "-clb")).toMatch(/^wechat-https-backend-s+-[0-9a-f]{8}-clb$/);
  });

  test("fitName keeps the suffix and hashes the whole name", () => {
    expect(fitName("abcdefghijklmnopqrstuvwxyz", "-x", 20)).toBe(
      `abcdefghi-${createHash("sha256").update("abcdefghijklmnopqrstuvwxyz-x").digest("hex").slice(0, 8)}-x`,
    );
    expect(fitName("short", "-x", 20)).toBe("short-x");
    expect(() => fitName("a".repeat(30), "-a-long-suffix", 20)).toThrow(/no room/);
  });

  test("stackPrefix is the start the components have always used", () => {
    expect(stackPrefix("prod")).toBe("wechat-https-backend-prod");
  });
});

describe("OOS parameter names", () => {
  test("every parameter name is valid for OOS and readable under the stack's RAM policy", () => {
    fc.assert(
      fc.property(anyStack, envName, (stack, variable) => {
        const name = appSecretParameterName(stack, variable);
        expect(validOosName(name)).toBe(true);
        expect(validOosName(registryPasswordParameterName(stack))).toBe(true);
        const [oos] = appRoleStatements({ region: "cn-hangzhou", accountId: "1", stack, readsSecrets: true });
        const allowed = oos.Resource.map((r) => r.replace(/^acs:oos:cn-hangzhou:1:secretparameter\//, "").replace(/\*$/, ""));
        expect(allowed.some((prefix) => name.startsWith(prefix))).toBe(true);
      }),
      RUNS,
    );
  });

  test("a parameter name that fits is the one it always was, for a stack name that is its own segment", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_-]{1,100}$/), envName, (stack, variable) => {
        const before = `wechat-https-backend/${stack}/${variable}`;
        const name = appSecretParameterName(stack, variable);
        expect(name === before).toBe(before.length <= MAX_SECRET_PARAMETER_NAME_LENGTH);
      }),
      RUNS,
    );
  });

  test("no prefix of one stack is a prefix of another's: for any two names, and for names that differ only where a map would merge them", () => {
    const disjoint = (a: string, b: string): void => {
      fc.pre(a !== b);
      for (const x of secretParameterPrefixes(a))
        for (const y of secretParameterPrefixes(b)) expect([a, b, x.startsWith(y) || y.startsWith(x)]).toEqual([a, b, false]);
    };
    fc.assert(fc.property(anyStack, anyStack, disjoint), RUNS);
    fc.assert(
      fc.property(twins, ([a, b]) => disjoint(a, b)),
      RUNS,
    );
  });

  test("shop.prod and shop-prod (or Shop-Prod) read no parameter of each other's; a long name's short form is no other stack's name", () => {
    const prefixes = (stack: string) => secretParameterPrefixes(stack);
    expect(prefixes("shop-prod")).toEqual(["wechat-https-backend/shop-prod/"]);
    expect(prefixes("shop.prod")).toEqual([`wechat-https-backend-hashed/shop-prod-${hash16("shop.prod")}/`]);
    expect(prefixes("Shop-Prod")).toEqual([`wechat-https-backend-hashed/shop-prod-${hash16("Shop-Prod")}/`]);
    // Before, a 100-character stack's short form was the whole name of a 49-character stack.
    const long = "p".repeat(100);
    const shortFormBefore = `${"p".repeat(40)}-${createHash("sha256").update(long).digest("hex").slice(0, 8)}`;
    for (const x of prefixes(long)) for (const y of prefixes(shortFormBefore)) expect(x.startsWith(y) || y.startsWith(x)).toBe(false);
  });

  test("a 100-character stack name with a 70-character variable: 192 characters, so under the hashed prefix", () => {
    const stack = "p".repeat(100);
    const variable = "V".repeat(70);
    expect(`wechat-https-backend/${stack}/${variable}`).toHaveLength(192);
    const name = appSecretParameterName(stack, variable);
    expect(name).toBe(`wechat-https-backend-hashed/${"p".repeat(40)}-${hash16(stack)}/${variable}`);
    expect(secretParameterPrefixes(stack)).toHaveLength(2);
    expect(secretParameterPrefixes("prod")).toEqual(["wechat-https-backend/prod/"]);
  });
});

describe("monitoring names", () => {
  /** The slug before it hashed cut names: lowercase, runs of other characters as "-", cut at 20. */
  function slugBefore(stack: string): string {
    return (
      stack
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 20) || "stack"
    );
  }

  test("stacks that share their first 20 characters get their own function, role and contact group", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{20}$/), fc.stringMatching(/^[a-z0-9-]{1,20}$/), (start, tail) => {
        fc.pre(!/^-+$/.test(tail));
        const [a, b] = [monitoringNames(start + "-a" + tail), monitoringNames(start + "-b" + tail)];
        expect(a.functionName).not.toBe(b.functionName);
        expect(a.roleName).not.toBe(b.roleName);
        expect(a.contactGroup).not.toBe(b.contactGroup);
        expect(a.machineGroupId).not.toBe(b.machineGroupId);
        expect(a.siteMonitorTask).not.toBe(b.siteMonitorTask);
      }),
      RUNS,
    );
  });

  test("the function's RAM role is one-to-one on stack names; a stack name that is its own slug keeps the role it had", () => {
    fc.assert(
      fc.property(twins, ([a, b]) => expect(monitoringNames(a).roleName).not.toBe(monitoringNames(b).roleName)),
      RUNS,
    );
    fc.assert(
      fc.property(anyStack, anyStack, (a, b) => {
        fc.pre(a !== b);
        expect(monitoringNames(a).roleName).not.toBe(monitoringNames(b).roleName);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(anyStack, (stack) => {
        const role = monitoringNames(stack).roleName;
        expect(role).toMatch(NAME_RULES.ramRole.pattern);
        expect(role).toMatch(NAME_RULES.ramPolicy.pattern);
        if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stack) && stack.length <= 20) expect(role).toBe(`whb-${stack}-monitor-fc`);
      }),
      RUNS,
    );
    // Before, Shop.Prod took shop-prod's role, and a 21-character name's cut slug could be a 20-character stack's name.
    expect(monitoringNames("Shop.Prod").roleName).toBe(`whb--shop-prod-${hash16("Shop.Prod")}-monitor-fc`);
    const long = "abcdefghijk-lmnopqrstu";
    const cutBefore = `abcdefghijk-${createHash("sha256").update(long).digest("hex").slice(0, 8)}`;
    expect(monitoringNames(long).roleName).not.toBe(monitoringNames(cutBefore).roleName);
  });

  test("a slug that was not cut is what it always was; a cut one is 20 characters ending in the stack's hash", () => {
    fc.assert(
      fc.property(anyStack, (stack) => {
        const before = slugBefore(stack);
        const cleaned = stack
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, "");
        if (cleaned.length <= 20) expect(stackSlug(stack)).toBe(before);
        else {
          const hash = createHash("sha256").update(stack).digest("hex").slice(0, 8);
          expect(stackSlug(stack)).toMatch(new RegExp(`^[a-z0-9-]{1,11}-${hash}$`));
        }
        const names = monitoringNames(stack);
        // FC function names: 64 at most; the Logtail id: 30 (lib/monitoring/names.ts).
        expect(names.functionName.length).toBeLessThanOrEqual(64);
        expect(names.machineGroupId.length).toBeLessThanOrEqual(30);
        expect(names.siteMonitorTask).toMatch(/^[A-Za-z0-9_]{4,100}$/);
      }),
      RUNS,
    );
    expect(stackSlug("prod")).toBe("prod");
  });
});
