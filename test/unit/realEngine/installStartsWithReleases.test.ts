// engine:install checks the pinned packages' releases before anything else: with a pin that is not
// a release it stops with that message, on a machine without Go as on one with it, and builds nothing.
import { installEngine } from "../../../tools/realEngine/install";
import { ReleaseCheckError } from "../../../tools/realEngine/releases";

test("a pin that is not a release stops engine:install before Go is even looked for", () => {
  const goVersion = jest.fn((): string | undefined => undefined);
  const notARelease = () => {
    throw new ReleaseCheckError("@pulumi/command 4.5.0 is not a release of https://github.com/pulumi/pulumi-command");
  };
  expect(() => installEngine(undefined, { releases: notARelease, goVersion })).toThrow(/^@pulumi\/command 4\.5\.0 is not a release/);
  expect(goVersion).not.toHaveBeenCalled();
});

test("each release status is logged before the build starts", () => {
  const lines: string[] = [];
  const releases = () => [
    {
      name: "@pulumi/command",
      version: "1.2.1",
      repository: "https://github.com/pulumi/pulumi-command",
      commit: "7f3eb6f3b77cd0fa3895ba437a695dd393f7dd25",
    },
  ];
  // No Go: the install stops right after the release check, which has logged its line.
  expect(() => installEngine((line) => lines.push(line), { releases, goVersion: () => undefined })).toThrow(/needs Go/);
  expect(lines).toEqual(["release: @pulumi/command 1.2.1 is tag v1.2.1 of https://github.com/pulumi/pulumi-command (commit 7f3eb6f3b77c)"]);
});
