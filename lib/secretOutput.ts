// Outputs for values the program may not know: a secret config value the offline plan cannot decrypt
// (`secure:` values only the Pulumi CLI can read), or a fact only the cloud will tell. They stay
// unknown (shown as such) rather than being invented, and secrets stay secrets either way.
import * as pulumi from "@pulumi/pulumi";
import type { SecretValue } from "./config/settings";

/** An output unknown until the cloud or the Pulumi CLI provides it. */
export function unknownOutput(): pulumi.Output<string> {
  return pulumi.output(pulumi.unknown) as unknown as pulumi.Output<string>;
}

/**
 * A secret config value as a secret output, optionally converted first: its value when known, an
 * unknown secret when the offline plan cannot read it (the CLI always can).
 */
export function secretOutput(value: SecretValue | undefined, convert: (text: string) => string = (text) => text): pulumi.Output<string> {
  return pulumi.secret(value?.known ? pulumi.output(convert(value.value)) : unknownOutput());
}
