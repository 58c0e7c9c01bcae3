// The app's start helper on an instance (Python 3 standard library only: Ubuntu 22.04 ships
// python3, and the instance has no internet access to install anything else). systemd runs
// `appctl.py prepare` before every start of the app container and `appctl.py run` to start it:
//
// - prepare writes the container's environment to a root-only (0600) file on tmpfs: the plain
//   variables from app.json, plus the app secrets read from OOS encrypted parameters with the
//   instance's RAM role; and, on the first start only (pull once per instance, so a re-tagged image
//   never rolls out behind Pulumi's back), pulls the image, logging in to the registry with a
//   temporary ACR token (GetAuthorizationToken with the role) or the stored registry password, in a
//   throw-away docker config directory on tmpfs that is removed right after the pull.
// - run starts the container hardened: a non-root user, no capabilities, no-new-privileges, memory
//   and pids limits, a bridge network with the port published on 127.0.0.1 only, and the metadata
//   service (the role's credentials) unreachable from inside it.
//
// Why not the Alibaba Cloud Python SDK: it is not in Ubuntu's archive and the instance cannot reach
// PyPI (a VPC pip mirror is not documented). Why not Cloud Assistant's {{oos-secret:...}}: the
// agent resolves it on the instance with the same role (aliyun_assist_client
// agent/util/paramstore/paramstore.go), writes the resolved script to disk with mode 0755
// (agent/taskengine/host/processor.go) and substitutes values into shell text unquoted.
// So this helper signs the two RPC calls itself (signature v1, HMAC-SHA1: `sign` in cloudApiPython.ts, checked
// against the worked example in Alibaba Cloud's signature documentation by the tests).
//
// Nothing here prints a secret value: messages name the variable or the parameter, never its value.

import { pythonHelper } from "./cloudApiPython";

/** The helper's source; the tests run exactly this text. */
export const APPCTL_SOURCE = pythonHelper({
  name: "appctl",
  doc: "wechat-https-backend app helper: prepare (environment file, image) and run (the container).",
  imports: ["shutil", "signal", "subprocess", "sys", "time"],
  body: String.raw`def environment(conf, role):
    env = dict(conf["env"])
    for variable, parameter in conf["secrets"].items():
        env[variable] = secret_parameter(conf, role, parameter)
    for variable, value in env.items():
        # docker --env-file takes one NAME=value per line, the value verbatim to the line end.
        if any(ch in value for ch in "\n\r\0"):
            raise Failure("%s holds a line break or NUL, which an env file cannot carry" % variable)
    return "".join("%s=%s\n" % item for item in env.items())


def docker(*args, **kwargs):
    return subprocess.run(["docker"] + list(args), **kwargs)


def registry_login(conf, role, config_dir):
    registry = conf.get("registry")
    if not registry:
        return
    if registry["kind"] == "acr":
        answer = rpc(conf["crEndpoints"], "2018-12-01", "GetAuthorizationToken",
                     {"RegionId": conf["region"], "InstanceId": registry["instanceId"]}, role)
        if answer.get("IsSuccess") is False or not answer.get("AuthorizationToken"):
            raise Failure("ACR GetAuthorizationToken for %s failed: %s" % (registry["instanceId"], answer.get("Code")))
        username, password = answer.get("TempUsername") or "cr_temp_user", answer["AuthorizationToken"]
    else:
        username, password = registry["username"], secret_parameter(conf, role, registry["passwordParameter"])
    login = docker("--config", config_dir, "login", "--username", username, "--password-stdin", registry["host"],
                   input=password.encode(), stdout=subprocess.DEVNULL)
    if login.returncode != 0:
        raise Failure("docker login to %s failed (exit %d)" % (registry["host"], login.returncode))


def remove_stale_logins(run_dir):
    """A login left by a pull that was killed outright (SIGKILL) goes before the next one."""
    for name in os.listdir(run_dir):
        if name.startswith("docker-config-"):
            shutil.rmtree(os.path.join(run_dir, name), ignore_errors=True)


def ensure_image(conf, role):
    image = conf["image"]
    if docker("image", "inspect", image, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
        return
    log("pulling %s (once: later starts use this copy)" % image)
    os.makedirs(conf["runDir"], mode=0o700, exist_ok=True)
    remove_stale_logins(conf["runDir"])
    # The login lives in this directory only, on tmpfs, and goes with it.
    with tempfile.TemporaryDirectory(dir=conf["runDir"], prefix="docker-config-") as config_dir:
        registry_login(conf, role, config_dir)
        if docker("--config", config_dir, "pull", image).returncode != 0:
            raise Failure("docker pull %s failed" % image)


def prepare(conf):
    role = Role(conf["metadataUrl"])
    try:
        text = environment(conf, role)
    except Failure as error:
        if not os.path.exists(conf["envFile"]):
            raise
        # Keep serving on this boot's last good environment rather than not at all.
        log("%s; starting with the environment read at %s" % (error, time.ctime(os.path.getmtime(conf["envFile"]))))
    else:
        write_private(conf["envFile"], text)
        log("wrote %s: %s" % (conf["envFile"], ", ".join(sorted(list(conf["env"]) + list(conf["secrets"])))))
    ensure_image(conf, role)


def memory_limit_mib(fraction):
    with open("/proc/meminfo") as meminfo:
        total_kib = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    return max(256, int(total_kib * fraction) // 1024)


def block_metadata():
    """Containers must not reach 100.100.100.200: it hands out the instance role's credentials."""
    rule = ["DOCKER-USER", "-d", "100.100.100.200/32", "-j", "REJECT"]
    if subprocess.run(["iptables", "-C"] + rule, stderr=subprocess.DEVNULL).returncode != 0:
        if subprocess.run(["iptables", "-I"] + rule).returncode != 0:
            raise Failure("could not block the metadata service for containers (iptables DOCKER-USER)")


def run(conf):
    block_metadata()
    memory = "%dm" % memory_limit_mib(conf["memoryFraction"])
    port = str(conf["port"])
    args = ["docker", "run", "--rm", "--name", conf["containerName"],
            "--user", conf["user"], "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--memory", memory, "--memory-swap", memory, "--pids-limit", str(conf["pidsLimit"]),
            "--publish", "127.0.0.1:%s:%s" % (port, port), "--env-file", conf["envFile"],
            "--log-driver", "journald", conf["image"]]
    os.execvp("docker", args)


def on_terminate(signum, frame):
    # systemd stops a start that takes too long (a slow pull) with SIGTERM: leave through the
    # cleanups, so the pull's docker login is removed, and the pull with it.
    raise SystemExit(128 + signum)


def main(argv):
    signal.signal(signal.SIGTERM, on_terminate)
    if len(argv) != 3 or argv[2] not in ("prepare", "run"):
        print("usage: appctl.py <app.json> prepare|run", file=sys.stderr)
        return 2
    with open(argv[1]) as handle:
        conf = json.load(handle)
    try:
        (prepare if argv[2] == "prepare" else run)(conf)
    except (Failure, OSError, ValueError) as error:
        # A clean line for the journal; systemd retries the start.
        log("FAILED: %s" % error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`,
});
