// Small checks shared by the nginx and cloud-init renderers. Every value they accept ends up inside
// an nginx config, a YAML document or a shell script, so each check also keeps out the characters
// that would break out of those (quotes, semicolons, braces, whitespace). The problems are worded in
// the environment's language, as the config checks are under pulumi preview.
import { isIP } from "node:net";
import { parseCidr } from "../cidr";
import { NGINX_SIZE_PATTERN, URL_PATH_PATTERN } from "../constants";
import type { Problems } from "../problems";
import { isVerifyFileContent, isVerifyFileName } from "../wechat";
import { MAX_UPLOAD_SIZE, isUploadSizeInRange } from "../uploadSize";
import { instanceMessages } from "./messages";

export function checkPort(problems: Problems, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    problems.error(instanceMessages().port({ field, value: String(value) }));
  }
}

export function checkWholeSeconds(problems: Problems, field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    problems.error(instanceMessages().wholeSeconds({ field, min, value: String(value) }));
  }
}

/** A body limit in nginx size syntax (client_max_body_size: digits, optional k/m/g), from 1 byte to MAX_UPLOAD_SIZE. */
export function checkUploadSize(problems: Problems, field: string, value: string): void {
  if (!NGINX_SIZE_PATTERN.test(value)) {
    problems.error(instanceMessages().nginxSize({ field, value: JSON.stringify(value) }));
  } else if (!isUploadSizeInRange(value)) {
    problems.error(instanceMessages().uploadSizeRange({ field, value: JSON.stringify(value), max: MAX_UPLOAD_SIZE }));
  }
}

export function checkUrlPath(problems: Problems, field: string, value: string): void {
  if (!URL_PATH_PATTERN.test(value)) {
    problems.error(instanceMessages().urlPath({ field, value: JSON.stringify(value) }));
  }
}

/** An IPv4 or IPv6 network in CIDR notation, e.g. "100.64.0.0/10". */
export function checkCidr(problems: Problems, field: string, value: string): void {
  // A bare address is a valid single-host range to parseCidr, but not the range this setting means.
  if (value !== value.trim() || !value.includes("/") || typeof parseCidr(value) === "string") {
    problems.error(instanceMessages().cidr({ field, value: JSON.stringify(value) }));
  }
}

export function checkIpAddress(problems: Problems, field: string, value: string): void {
  if (isIP(value) === 0) problems.error(instanceMessages().ipAddress({ field, value: JSON.stringify(value) }));
}

/** An absolute file system path that is safe to put unquoted in nginx, YAML and shell. */
export function checkFilePath(problems: Problems, field: string, value: string): void {
  if (!/^\/[A-Za-z0-9._/-]*$/.test(value)) {
    problems.error(instanceMessages().filePath({ field, value: JSON.stringify(value) }));
  }
}

/** A WeChat domain verification file: one of WeChat's file names, letters and digits as content. */
export function checkVerifyFile(problems: Problems, field: string, name: string, content: string): void {
  if (!isVerifyFileName(name)) {
    problems.error(instanceMessages().verifyFileName({ field, name: JSON.stringify(name) }));
  } else if (!isVerifyFileContent(content)) {
    problems.error(instanceMessages().verifyFileContent({ field, name, value: JSON.stringify(content) }));
  }
}

/** A DNS host name in lowercase letters, digits, "-" and dots, e.g. "api.example.com": safe unquoted in nginx. */
export function checkHostName(problems: Problems, field: string, value: string): void {
  const label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  if (typeof value !== "string" || value.length > 253 || !new RegExp(`^${label}(?:\\.${label})+$`).test(value)) {
    problems.error(instanceMessages().hostName({ field, value: JSON.stringify(value) }));
  }
}
