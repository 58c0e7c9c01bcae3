// `npm run cloudlab -- [--port P] [--dns-zone Z ...]`: the Alibaba Cloud emulator in the foreground on
// 127.0.0.1, with what points a stack at it printed: the provider settings as `pulumi config set`
// lines and the environment as `export` lines. GET /_lab/requests and /_lab/state on its address
// show what it was asked and what it holds. Ctrl-C stops it.
import { startCloudLab } from "../cloudlab";
import { ENDPOINT_KEYS, endpointHost } from "../cloudlab/settings";
import { exitWhenFlushed, parseCommand, usageError } from "../cli";

const usage = (): string => "usage: npm run cloudlab -- [--port <port>] [--dns-zone <zone hosted in the lab account> ...]";

function configLines(config: Record<string, unknown>): string[] {
  const lines = ENDPOINT_KEYS.map((key) => `pulumi config set --path 'alicloud:endpoints[0].${key}' ${endpointHost(key)}`);
  for (const [key, value] of Object.entries(config)) {
    if (key !== "alicloud:endpoints") lines.push(`pulumi config set ${key} ${String(value)}`);
  }
  return lines;
}

async function main(): Promise<number> {
  const parsed = parseCommand({ port: { type: "string" }, "dns-zone": { type: "string", multiple: true } }, usage);
  if ("exitCode" in parsed) return parsed.exitCode;
  const port = parsed.values.port === undefined ? 0 : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port: not a port: ${parsed.values.port}`, usage());
  const lab = await startCloudLab({ port, dnsZones: parsed.values["dns-zone"] });
  const env = lab.environment;
  const out = [
    `Alibaba Cloud emulator on http://127.0.0.1:${lab.port} (requests: /_lab/requests, state: /_lab/state)`,
    "",
    "# Point a stack at it (in the project, with the stack selected):",
    ...configLines(lab.providerConfig),
    "",
    "# and run pulumi with this environment (fake keys; the emulator is the proxy for every product):",
    ...Object.entries(env).map(([k, v]) => `export ${k}='${v}'`),
    "",
    "Ctrl-C stops it.",
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  await lab.stop();
  return 0;
}

main().then(exitWhenFlushed, (err: Error) => {
  process.stderr.write(`error: ${err.message}\n`);
  exitWhenFlushed(1);
});
