// FC reports a code package's CRC-64 as a decimal string (Function.codeChecksum in
// @alicloud/fc20230330: "The CRC-64 value of the function code package"). The variant is the
// ECMA-182 polynomial, reflected, with all-ones initial value and final xor: the one Alibaba Cloud's
// storage uses (OSS's x-oss-hash-crc64ecma), which FC's code packages pass through. Node has no
// CRC-64 of its own and this is a dozen lines, so it is written here.
const POLY = 0xc96c5795d7870f42n;
const MASK = 0xffffffffffffffffn;

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = BigInt(n);
  for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ POLY : c >> 1n;
  return c;
});

export function crc64(bytes: Uint8Array): string {
  let crc = MASK;
  for (const b of bytes) crc = (TABLE[Number((crc ^ BigInt(b)) & 0xffn)] as bigint) ^ (crc >> 8n);
  return ((crc ^ MASK) & MASK).toString(10);
}
