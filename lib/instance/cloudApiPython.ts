// The Python both instance helpers share (appctl.py for the app container, tlsctl.py for the instance
// edge's certificate): the instance RAM role's credentials through the hardened metadata flow, one
// signed RPC call (signature v1, HMAC-SHA1, checked against the worked example in Alibaba Cloud's
// signature documentation by the tests), an OOS encrypted parameter read with decryption, and a
// root-only file written atomically. Python 3 standard library only (Ubuntu 22.04's python3; the
// instances reach no package index). pythonHelper() puts a helper together around it.
// Nothing here prints a secret value: messages name the parameter, never its value.

/** The shared part of both helpers' source, between their prelude and their own functions. */
export const CLOUD_API_PYTHON = String.raw`class Failure(Exception):
    pass


def percent(text):
    return urllib.parse.quote(text, safe="-_.~")


def sign(params, secret):
    """RPC signature v1: Base64(HMAC-SHA1(secret + "&", "GET&%2F&" + percent(sorted query)))."""
    query = "&".join(percent(k) + "=" + percent(v) for k, v in sorted(params.items()))
    text = "GET&" + percent("/") + "&" + percent(query)
    return base64.b64encode(hmac.new((secret + "&").encode(), text.encode(), hashlib.sha1).digest()).decode()


# No proxies from the environment, no redirects: credentials go to the address asked for or nowhere.
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect())


def http(method, url, headers=None):
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with OPENER.open(request, timeout=TIMEOUT) as response:
            return response.status, response.read(1 << 20).decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read(1 << 20).decode(errors="replace")


class Role:
    """The instance RAM role's STS credentials, fetched once, when first needed."""

    def __init__(self, metadata):
        self.metadata, self.value = metadata, None

    def credentials(self):
        if self.value is None:
            self.value = role_credentials(self.metadata)
        return self.value


def role_credentials(metadata):
    """The role's credentials through the hardened metadata flow: a session token first, then GETs."""
    status, token = http("PUT", metadata + "/latest/api/token", {"X-aliyun-ecs-metadata-token-ttl-seconds": "300"})
    if status != 200 or not token.strip():
        raise Failure("metadata service refused a session token (HTTP %d)" % status)
    headers = {"X-aliyun-ecs-metadata-token": token.strip()}
    base = metadata + "/latest/meta-data/ram/security-credentials/"
    status, role = http("GET", base, headers)
    if status != 200 or not role.strip():
        raise Failure("no RAM role attached to this instance yet (HTTP %d)" % status)
    status, body = http("GET", base + urllib.parse.quote(role.strip().splitlines()[0]), headers)
    credentials = json.loads(body) if status == 200 else {}
    if credentials.get("Code") != "Success":
        raise Failure("metadata service gave no credentials for the role (HTTP %d)" % status)
    return credentials


def rpc(endpoints, version, action, params, role):
    """One RPC call signed with the role's credentials; the first endpoint that answers wins."""
    credentials = role.credentials()
    query = {
        "Action": action, "Version": version, "Format": "JSON",
        "AccessKeyId": credentials["AccessKeyId"], "SecurityToken": credentials["SecurityToken"],
        "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SignatureNonce": str(uuid.uuid4()),
        "Timestamp": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    query.update(params)
    query["Signature"] = sign(query, credentials["AccessKeySecret"])
    unreachable = []
    for endpoint in endpoints:
        try:
            status, body = http("GET", endpoint + "/?" + urllib.parse.urlencode(query))
        except (urllib.error.URLError, OSError) as error:
            unreachable.append("%s (%s)" % (endpoint, getattr(error, "reason", error)))
            continue
        try:
            answer = json.loads(body)
        except ValueError:
            raise Failure("%s %s: HTTP %d, not JSON" % (endpoint, action, status))
        if status != 200:
            raise Failure("%s %s: %s %s" % (endpoint, action, answer.get("Code"), answer.get("Message")))
        return answer
    raise Failure("%s: no endpoint reachable: %s" % (action, "; ".join(unreachable)))


def secret_parameter(conf, role, name):
    answer = rpc(conf["oosEndpoints"], "2019-06-01", "GetSecretParameter",
                 {"RegionId": conf["region"], "Name": name, "WithDecryption": "true"}, role)
    value = (answer.get("Parameter") or {}).get("Value")
    if not isinstance(value, str):
        raise Failure("OOS returned no value for parameter %s" % name)
    return value


def write_private(path, text):
    """Replaces path atomically with a root-only (0600) file in a root-only (0700) directory."""
    directory = os.path.dirname(path)
    os.makedirs(directory, mode=0o700, exist_ok=True)
    os.chmod(directory, 0o700)
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".new-")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


`;

/** The modules the shared part uses; a helper adds its own. */
const SHARED_IMPORTS = [
  "base64",
  "datetime",
  "hashlib",
  "hmac",
  "json",
  "os",
  "tempfile",
  "urllib.error",
  "urllib.parse",
  "urllib.request",
  "uuid",
];

/**
 * A helper's whole source: shebang, docstring, imports (the shared ones and `imports`), TIMEOUT, a
 * log() that prefixes `name`, the shared part, then `body` (its own functions and main).
 */
export function pythonHelper(helper: {
  readonly name: string;
  readonly doc: string;
  readonly imports: readonly string[];
  readonly body: string;
}): string {
  const modules = [...new Set([...SHARED_IMPORTS, ...helper.imports])].sort();
  const plain = modules.filter((m) => !m.includes("."));
  const dotted = modules.filter((m) => m.includes("."));
  return `#!/usr/bin/python3
"""${helper.doc}"""
import ${plain.join(", ")}
import ${dotted.join(", ")}

TIMEOUT = 10


def log(message):
    print("${helper.name}: " + message, file=sys.stderr, flush=True)


${CLOUD_API_PYTHON}${helper.body}`;
}
