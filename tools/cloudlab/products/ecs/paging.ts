// Paging as the ECS API reference defines it for DescribeCommands, DescribeInvocations,
// DescribeInvocationResults and DescribeInstanceRamRole: PageNumber (from 1) and PageSize, or
// MaxResults with the NextToken of the previous page; TotalCount counts every match.
import type { Params } from "../../params";

export interface Page<T> {
  readonly items: T[];
  readonly TotalCount: number;
  readonly PageNumber: number;
  readonly PageSize: number;
  /** The token of the next page ("" on the last one), for the APIs that answer one. */
  readonly NextToken: string;
}

export function pageOf<T>(all: readonly T[], params: Params, defaultSize = 10): Page<T> {
  const size = params.int("MaxResults") ?? params.int("PageSize") ?? defaultSize;
  const pageNumber = params.int("PageNumber") ?? 1;
  const token = params.get("NextToken");
  const start = token === undefined ? (pageNumber - 1) * size : Number(token);
  return {
    items: all.slice(start, start + size),
    TotalCount: all.length,
    PageNumber: pageNumber,
    PageSize: size,
    NextToken: start + size < all.length ? String(start + size) : "",
  };
}
