// The rendered nginx config as text and structure, and `nginx -t` on it. Behaviour is tested in a
// running nginx in proxy.test.ts.
import { CLEARED_REQUEST_HEADERS, DEFAULT_NGINX_OPTIONS, renderNginxConfig, type NginxOptions } from "../../../lib/instance/nginx";
import { checkProjectNginxConfig, NGINX_BUILDS, TEST_DOMAIN } from "../../support/nginx";
import { cloudInitOptions } from "../../../lib/instance/files";
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import { findAll, parseNginxConfig, type Directive } from "./configTree";

const PRODUCTION: NginxOptions = { ...DEFAULT_NGINX_OPTIONS, domain: TEST_DOMAIN };
const production = renderNginxConfig(PRODUCTION);
const tree = parseNginxConfig(production);

function argsOf(name: string): string[][] {
  return findAll(tree, name).map((d) => d.args);
}

function blockPaths(directives: Directive[]): string[] {
  return directives.map((d) => d.path.join(">"));
}

describe("renderNginxConfig with the production defaults", () => {
  it("renders what a stack that sets none of the nginx keys deploys", () => {
    // The defaults live in two places: the config key schema (what the stack uses) and
    // DEFAULT_NGINX_OPTIONS (what `npm run render`, the benchmarks and these tests show).
    const { settings } = resolveStackConfig({
      stack: "dev",
      values: {
        "alicloud:region": "cn-hangzhou",
        "wechat-https-backend:domain": "dev.example.com",
        "wechat-https-backend:certificateSource": "selfSigned",
      },
    });
    const deployed = cloudInitOptions(settings).nginx as unknown as Record<string, unknown>;
    const defaults = DEFAULT_NGINX_OPTIONS as unknown as Record<string, unknown>;
    // The settings both have (the stack adds its own, e.g. its domain).
    const shared = Object.keys(defaults).filter((key) => key in deployed);
    expect(shared).toEqual(
      expect.arrayContaining(["listenPort", "backendPort", "hstsMaxAge", "healthPath", "maxUploadSize", "loadBalancerCidr"]),
    );
    expect(Object.fromEntries(shared.map((key) => [key, deployed[key]]))).toEqual(
      Object.fromEntries(shared.map((key) => [key, defaults[key]])),
    );
  });

  it("listens on port 80 on all IPv4 addresses: the stack's domain in one server, any other Host in the default server", () => {
    expect(argsOf("listen")).toEqual([["80", "default_server"], ["80"]]);
    expect(argsOf("server_name")).toEqual([[""], [TEST_DOMAIN]]);
  });

  it("waits at most 10 s for a whole request header and 15 s between two reads of a body", () => {
    expect(blockPaths(findAll(tree, "client_header_timeout"))).toEqual(["http"]);
    expect(argsOf("client_header_timeout")).toEqual([["10s"]]);
    expect(argsOf("client_body_timeout")).toEqual([["15s"]]);
    expect(argsOf("proxy_request_buffering")).toEqual([["on"]]);
  });

  it("trusts X-Forwarded-For and X-Forwarded-Proto from exactly 100.64.0.0/10", () => {
    expect(argsOf("set_real_ip_from")).toEqual([["100.64.0.0/10"]]);
    expect(argsOf("real_ip_header")).toEqual([["X-Forwarded-For"]]);
    const [geo] = findAll(tree, "geo");
    expect(geo.args).toEqual(["$realip_remote_addr", "$from_load_balancer"]);
    expect(geo.children.map((d) => [d.name, ...d.args])).toEqual([
      ["default", "0"],
      ["100.64.0.0/10", "1"],
    ]);
  });

  it("sets HSTS once, at http level, for every status, and no server or location can drop it", () => {
    const addHeaders = findAll(tree, "add_header");
    expect(addHeaders.map((d) => d.args)).toEqual([["Strict-Transport-Security", "max-age=31536000", "always"]]);
    expect(blockPaths(addHeaders)).toEqual(["http"]);
    expect(argsOf("proxy_hide_header")).toEqual([["Strict-Transport-Security"]]);
  });

  it("sets proxy headers at http level and error pages at server level, where every location inherits them", () => {
    for (const [name, level] of [
      ["proxy_set_header", "http"],
      ["proxy_http_version", "http"],
      ["error_page", "http>server"],
    ]) {
      const found = findAll(tree, name);
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(blockPaths(found))).toEqual(new Set([level]));
    }
    const headers = Object.fromEntries(argsOf("proxy_set_header").map(([name, value]) => [name, value]));
    expect(headers).toEqual({
      Connection: "$connection_upgrade",
      Upgrade: "$upgrade_header",
      Host: TEST_DOMAIN,
      "X-Forwarded-Host": TEST_DOMAIN,
      "X-Real-IP": "$remote_addr",
      "X-Forwarded-For": "$remote_addr",
      "X-Forwarded-Proto": "$forwarded_proto",
      "X-Request-Id": "$request_id",
      ...Object.fromEntries(CLEARED_REQUEST_HEADERS.map((name) => [name, ""])),
    });
    expect(CLEARED_REQUEST_HEADERS).toEqual(
      expect.arrayContaining(["Forwarded", "X-Forwarded-Port", "True-Client-IP", "X-Client-IP", "X-Original-URL"]),
    );
  });

  it("keeps connections to the app on 127.0.0.1:3000 open", () => {
    const [upstream] = findAll(tree, "upstream");
    expect(upstream.children.map((d) => [d.name, ...d.args])).toEqual([
      ["server", "127.0.0.1:3000"],
      ["keepalive", "256"],
      ["keepalive_requests", "10000"],
      ["keepalive_timeout", "4s"],
    ]);
    expect(argsOf("proxy_pass").every(([target]) => target === "http://app")).toBe(true);
    expect(argsOf("proxy_http_version")).toEqual([["1.1"]]);
  });

  it("proxies the health path to the app in its own location", () => {
    const health = findAll(tree, "location").filter((d) => d.args.join(" ") === "= /api/health");
    // The default server refuses a malformed request or an upgrade in the location itself (an internal
    // redirect to its error pages would run server-level checks again).
    expect(health[0].children.filter((c) => c.name === "if").map((c) => c.args.join(" "))).toEqual([
      "($refusal)",
      "($upgrade_kind = websocket)",
    ]);
    expect(health.map((d) => d.children.filter((c) => c.name !== "if").map((c) => [c.name, ...c.args]))).toEqual([
      [
        ["access_log", "/var/log/nginx/access.log", "json", "buffer=64k", "flush=1s", "if=$log_request"],
        ["proxy_pass", "http://app"],
      ],
      [
        ["access_log", "/var/log/nginx/access.log", "json", "buffer=64k", "flush=1s", "if=$log_request"],
        ["proxy_pass", "http://app"],
      ],
    ]);
  });

  it("limits uploads, hides the version, logs JSON and sizes workers for a small instance", () => {
    expect(argsOf("client_max_body_size")).toEqual([["20m"]]);
    expect(argsOf("server_tokens")).toEqual([["off"]]);
    expect(argsOf("worker_processes")).toEqual([["auto"]]);
    expect(Number(argsOf("worker_connections")[0][0])).toBeGreaterThanOrEqual(1024);
    expect(argsOf("log_format")[0].slice(0, 2)).toEqual(["json", "escape=json"]);
    expect(argsOf("access_log")).toContainEqual(["/var/log/nginx/access.log", "json", "buffer=64k", "flush=1s"]);
    expect(argsOf("pid")).toEqual([["/run/nginx.pid"]]);
    expect(argsOf("user")).toEqual([["www-data"]]);
  });

  it("uses the normal timeout for requests and the long one for WebSockets", () => {
    const direct = (name: string) =>
      tree.filter((d) => d.name === "http").flatMap((h) => h.children.filter((d) => d.name === name).map((d) => d.args[0]));
    expect(direct("proxy_read_timeout")).toEqual(["60s"]);
    const websocket = findAll(tree, "location").find((d) => d.args[0] === "@websocket")!;
    expect(websocket.children.find((d) => d.name === "proxy_read_timeout")?.args).toEqual(["3600s"]);
  });

  it("passes nginx -t", () => {
    const check = checkProjectNginxConfig(PRODUCTION);
    expect(check.output).toContain("test is successful");
    expect(check.ok).toBe(true);
  });
});

describe("renderNginxConfig variants", () => {
  const prodLike: NginxOptions = {
    ...PRODUCTION,
    hstsMaxAge: 63072000,
    hstsIncludeSubdomains: true,
    maxUploadSize: "50m",
    healthPath: "/healthz",
    backendPort: 8080,
    listenPort: 8081,
  };

  it("renders every option where it belongs", () => {
    const t = parseNginxConfig(renderNginxConfig(prodLike));
    expect(findAll(t, "add_header")[0].args).toEqual(["Strict-Transport-Security", "max-age=63072000; includeSubDomains", "always"]);
    expect(findAll(t, "client_max_body_size")[0].args).toEqual(["50m"]);
    expect(findAll(t, "listen").map((d) => d.args)).toEqual([["8081", "default_server"], ["8081"]]);
    expect(findAll(findAll(t, "upstream"), "server")[0].args).toEqual(["127.0.0.1:8080"]);
    expect(findAll(t, "location").map((d) => d.args.join(" "))).toContain("= /healthz");
  });

  it("passes nginx -t", () => {
    expect(checkProjectNginxConfig(prodLike).ok).toBe(true);
  });

  it("rejects bad options with one message naming every field", () => {
    const bad: NginxOptions = {
      ...PRODUCTION,
      domain: "api.example.com; return 200",
      listenPort: 0,
      hstsMaxAge: -1,
      healthPath: "/health; return 200",
      maxUploadSize: "20 MB",
      loadBalancerCidr: "100.64.0.0/40",
    };
    let message = "";
    try {
      renderNginxConfig(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const field of ["domain", "listenPort", "hstsMaxAge", "healthPath", "maxUploadSize", "loadBalancerCidr"]) {
      expect(message).toContain(`nginx.${field} `);
    }
    expect(message).not.toContain("backendPort");
  });

  it("takes a body limit from 1 byte to 1g, each passing nginx -t on both builds, and refuses 0 (no limit at all) and more", () => {
    for (const maxUploadSize of ["1", "1g", "1024m", "1048576k", "1073741824"]) {
      for (const build of NGINX_BUILDS) expect(checkProjectNginxConfig({ ...prodLike, maxUploadSize }, build.binary()).ok).toBe(true);
    }
    for (const maxUploadSize of ["0", "0k", "1025m", "1073741825", "99999999999g"]) {
      expect(() => renderNginxConfig({ ...PRODUCTION, maxUploadSize })).toThrow(`nginx.maxUploadSize must be from 1 byte to 1g`);
    }
  });

  it("accepts an IPv6 load balancer range and rejects a bare address", () => {
    expect(() => renderNginxConfig({ ...PRODUCTION, loadBalancerCidr: "fd00::/8" })).not.toThrow();
    expect(() => renderNginxConfig({ ...PRODUCTION, loadBalancerCidr: "100.64.0.1" })).toThrow(
      "nginx.loadBalancerCidr must be a network in CIDR notation",
    );
  });
});
