// The instance renderers' refusals (nginx, cloud-init, the app's container, user data size, readiness
// timeout) in a zh run of pulumi preview: Chinese, naming the same option and value as the English ones.
import { validateContainerRuntime } from "../../../lib/instance/appRuntime";
import { renderCloudInit, type CloudInitOptions } from "../../../lib/instance/cloudInit";
import { DEFAULT_NGINX_OPTIONS, renderNginxConfig } from "../../../lib/instance/nginx";
import { readinessTimings } from "../../../lib/instance/readiness";
import { checkUserDataSize } from "../../../lib/instance/userDataSize";
import { HAN } from "../../support/catalogs";
import { errorOf } from "../../support/errors";

const options: CloudInitOptions = {
  nginx: { ...DEFAULT_NGINX_OPTIONS, domain: "api.example.com" },
  environment: "prod",
  appImage: "registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
};

/** Runs `check` with the environment's locale set to `value`, as under `LANG=... pulumi preview`. */
function inLocale<T>(value: string, check: () => T): T {
  const saved = process.env.LC_ALL;
  process.env.LC_ALL = value;
  try {
    return check();
  } finally {
    process.env.LC_ALL = saved;
  }
}

describe.each([
  ["nginx options", () => renderNginxConfig({ ...options.nginx, maxUploadSize: "20 MB", backendPort: 80 }), ["maxUploadSize", '"20 MB"']],
  ["cloud-init options", () => renderCloudInit({ ...options, environment: "Prod!" }), ["environment", '"Prod!"']],
  ["the app's container", () => validateContainerRuntime({ user: "root", env: { "bad-name": "x" } }), ['"bad-name"', "root"]],
  ["readiness timeout", () => readinessTimings(5), ["readinessTimeout", "300", "3600", "5"]],
])("%s", (_, run, named) => {
  test("English in an English run, Chinese in a zh one, naming the same option and value", () => {
    const english = inLocale("C.UTF-8", () => errorOf(run));
    const chinese = inLocale("zh_CN.UTF-8", () => errorOf(run));
    expect(english).not.toMatch(HAN);
    expect(chinese).toMatch(HAN);
    for (const part of named) {
      expect(english).toContain(part);
      expect(chinese).toContain(part);
    }
  });
});

test("user data too big or above the old limit, in Chinese: the size, the limit and the command that shows it", () => {
  const big = "x".repeat(33 * 1024);
  expect(errorOf(() => checkUserDataSize(big, "zh-CN"))).toMatch(
    /^实例的 user data 有 33792 字节，超过了 ECS 接受的 32768 字节.*npm run render -- --stack <name> --out <dir>/,
  );
  expect(checkUserDataSize("x".repeat(20 * 1024), "zh-CN").warning).toMatch(
    /^实例的 user data 有 20480 字节：在 ECS 的 32768 字节上限之内/,
  );
  expect(inLocale("zh_CN.UTF-8", () => errorOf(() => checkUserDataSize(big)))).toMatch(HAN);
});
