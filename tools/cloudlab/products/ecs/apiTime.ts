// The time format the RPC APIs of ECS, RAM, OOS and Container Registry answer with: ISO 8601 in
// UTC to the second ("2020-09-01T09:28:47Z", as in each API reference's examples).
export function apiTime(at: Date = new Date()): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}
