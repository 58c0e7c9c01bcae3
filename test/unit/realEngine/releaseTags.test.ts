// Reading release tags for the table: `git ls-remote --tags` output as GitHub gives it (annotated
// tags twice, the second line peeled to the commit), Go modules' tags and prereleases left out.
import { releaseEntry, releaseTags } from "../../../tools/realEngine/releaseTags";

const sha = (c: string) => c.repeat(40);

const LS_REMOTE = [
  `${sha("a")}\trefs/tags/v1.2.1`,
  `${sha("b")}\trefs/tags/v1.2.1^{}`,
  `${sha("c")}\trefs/tags/v1.2.0`,
  `${sha("d")}\trefs/tags/sdk/v1.2.1`,
  `${sha("e")}\trefs/tags/v1.0.0-beta.1`,
  `${sha("f")}\trefs/tags/v0.9.2`,
  `${sha("1")}\trefs/tags/v0.1`,
  "",
].join("\n");

test("a release tag is vX.Y.Z at the root; an annotated tag's commit is the peeled one", () => {
  expect(releaseTags(LS_REMOTE)).toEqual({ "1.2.1": sha("b"), "1.2.0": sha("c"), "0.9.2": sha("f") });
});

test("the entry keeps the pinned major and later, newest first", () => {
  const entry = releaseEntry(releaseTags(LS_REMOTE), "1.2.1", "https://github.com/pulumi/pulumi-command", { on: "2026-12-07", from: "x" });
  expect(Object.keys(entry.releases)).toEqual(["1.2.1", "1.2.0"]);
  expect(entry.unconfirmed).toBeUndefined();
});

test("a pin above every release keeps the newest release line, so the check can name the newest", () => {
  const entry = releaseEntry(releaseTags(LS_REMOTE), "4.5.0", "https://github.com/pulumi/pulumi-command", { on: "2026-12-07", from: "x" });
  expect(Object.keys(entry.releases)[0]).toBe("1.2.1");
});

test("an unconfirmed version leaves the list once its tag is read, the others stay", () => {
  const previous = {
    repository: "https://github.com/pulumi/pulumi-command",
    read: { on: "2026-08-22", from: "y" },
    releases: {},
    unconfirmed: { "1.2.1": "on npm, tag not read", "1.3.0": "on npm, tag not read" },
  };
  const entry = releaseEntry(releaseTags(LS_REMOTE), "1.2.1", previous.repository, { on: "2026-12-07", from: "x" }, previous);
  expect(entry.unconfirmed).toEqual({ "1.3.0": "on npm, tag not read" });
});
