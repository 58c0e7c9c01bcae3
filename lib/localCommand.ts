// Commands run on the machine running `pulumi up` (@pulumi/command's local.Command).

/** A command that only waits: `node` is there wherever this Pulumi TypeScript program runs, on any OS. */
export function pauseCommand(seconds: number): string {
  return `node -e "setTimeout(() => {}, ${Math.round(seconds * 1000)})"`;
}
