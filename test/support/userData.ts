// The user data as an instance ends up with it: cloud-init's write_files, with the contents it
// decodes (gz+b64: app.json, appctl.py, nginx.conf) decoded, so tests read what lands on disk.
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";

export interface WrittenFile {
  readonly path: string;
  readonly permissions: string;
  /** As cloud-init writes it: decoded when the user data carries it encoded. */
  readonly content: string;
  /** How the user data carries it ("gz+b64"), if encoded. */
  readonly encoding?: string;
  readonly defer?: boolean;
}

/** A write_files entry's content as cloud-init writes it. */
export function decodedContent(file: { readonly content: string; readonly encoding?: string }): string {
  return file.encoding === "gz+b64" ? gunzipSync(Buffer.from(file.content, "base64")).toString("utf8") : file.content;
}

/** Every file the user data writes, in order, contents decoded. */
export function writtenFiles(userData: string): WrittenFile[] {
  const files = (parse(userData) as { write_files: WrittenFile[] }).write_files;
  return files.map((file) => ({ ...file, content: decodedContent(file) }));
}

/** The file the user data writes at `path`, content decoded. */
export function writtenFile(userData: string, path: string): WrittenFile | undefined {
  return writtenFiles(userData).find((file) => file.path === path);
}
