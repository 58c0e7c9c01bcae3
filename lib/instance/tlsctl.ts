// The instance edge's certificate helper on an instance (Python 3 standard library only, like
// appctl.py): nginx ends TLS on the instance, and its chain and key reach it only through OOS
// encrypted parameters read with the instance's RAM role, never through the user data.
//
// - fetch: reads the chain's parts and the key, keeps the PEM certificate blocks of the chain, checks
//   that the key belongs to the leaf (ssl.load_cert_chain refuses a pair that does not match), and only
//   then replaces the two files nginx reads, atomically, root-only (0600 in a 0700 directory). Prints
//   the leaf's SHA-256 fingerprint. First boot runs it before nginx starts; the certificate reload
//   (Cloud Assistant, tlsReload.ts) runs it on every change of the certificate.
// - served: prints the fingerprint of the leaf nginx serves right now (a TLS handshake on loopback
//   with the stack's domain as SNI), so the reload can tell when nginx has picked up the new one.
//
// Nothing here prints the key: messages name the parameter, never its value.
import { pythonHelper } from "./cloudApiPython";

/** The helper's source; the tests run exactly this text. */
export const TLSCTL_SOURCE = pythonHelper({
  name: "tlsctl",
  doc: "wechat-https-backend TLS helper: fetch (certificate and key from OOS, for nginx) and served (what nginx serves).",
  imports: ["re", "socket", "ssl", "sys", "time"],
  body: String.raw`PEM_CERTIFICATE = re.compile(r"-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----")


def fingerprint(der):
    return hashlib.sha256(der).hexdigest()


def chain_from(parts):
    """The PEM certificate blocks of the concatenated parts (a part beyond the chain holds none)."""
    blocks = PEM_CERTIFICATE.findall("".join(parts))
    if not blocks:
        raise Failure("the certificate parameters hold no PEM certificate")
    return "".join(block.replace("\r\n", "\n") + "\n" for block in blocks), blocks[0]


def checked_pair(directory, chain, key):
    """Writes the pair to temporary files beside the real ones and has OpenSSL load them together."""
    paths = []
    for text in (chain, key):
        fd, path = tempfile.mkstemp(dir=directory, prefix=".check-")
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        paths.append(path)
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(paths[0], paths[1])
    except ssl.SSLError as error:
        raise Failure("the private key does not belong to the certificate, or one of them is unreadable (%s)" % error.reason)
    finally:
        for path in paths:
            os.unlink(path)


def fetch(conf):
    role = Role(conf["metadataUrl"])
    chain, leaf = chain_from([secret_parameter(conf, role, name) for name in conf["chainParameters"]])
    key = secret_parameter(conf, role, conf["keyParameter"])
    directory = os.path.dirname(conf["certificatePath"])
    os.makedirs(directory, mode=0o700, exist_ok=True)
    os.chmod(directory, 0o700)
    checked_pair(directory, chain, key)
    write_private(conf["keyPath"], key)
    write_private(conf["certificatePath"], chain)
    print(fingerprint(ssl.PEM_cert_to_DER_cert(leaf)))
    log("wrote %s and %s" % (conf["certificatePath"], conf["keyPath"]))


def served(conf):
    check = conf["served"]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # Only which certificate nginx sends matters here; trusting it is the verifier's business.
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((check["host"], check["port"]), timeout=TIMEOUT) as raw:
        with context.wrap_socket(raw, server_hostname=check["serverName"]) as tls:
            print(fingerprint(tls.getpeercert(binary_form=True)))


def main(argv):
    if len(argv) != 3 or argv[2] not in ("fetch", "served"):
        print("usage: tlsctl.py <tls.json> fetch|served", file=sys.stderr)
        return 2
    with open(argv[1]) as handle:
        conf = json.load(handle)
    try:
        (fetch if argv[2] == "fetch" else served)(conf)
    except (Failure, OSError, ValueError) as error:
        log("FAILED: %s" % error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`,
});
