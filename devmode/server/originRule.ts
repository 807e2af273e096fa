/**
 * Which browser origins may open the dev server's WebSocket: exact origins
 * (`http://localhost:5174`), and, for local development, a loopback host on any port
 * (`http://127.0.0.1:*`, `http://localhost:*`, `http://[::1]:*`). A port wildcard on any other
 * host is refused: it would let every service of that host drive the dev server.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const ORIGIN = /^(https?):\/\/([^/:]+|\[[^\]]+\])(?::(\d{1,5}|\*))?$/;

/** Why `rule` is not a usable origin rule, or null when it is. */
export function originRuleProblem(rule: string): string | null {
  const m = ORIGIN.exec(rule);
  if (!m)
    return `"${rule}" must be an origin like http://localhost:5174 (scheme, host, port; no path), or a loopback host on any port like http://127.0.0.1:*`;
  if (m[3] === '*' && !LOOPBACK.has(m[2]!))
    return `"${rule}": a port wildcard is allowed on a loopback host only (127.0.0.1, localhost, [::1])`;
  return null;
}

export class OriginRules {
  private readonly exact = new Set<string>();
  private readonly anyPort = new Set<string>();

  constructor(rules: Iterable<string> = []) {
    for (const r of rules) this.add(r);
  }

  add(rule: string): void {
    const problem = originRuleProblem(rule);
    if (problem) throw new RangeError(`allowed origin ${problem}`);
    if (rule.endsWith(':*')) this.anyPort.add(rule.slice(0, -2));
    else this.exact.add(rule);
  }

  allows(origin: string): boolean {
    if (this.exact.has(origin)) return true;
    const m = ORIGIN.exec(origin);
    return !!m && m[3] !== '*' && this.anyPort.has(`${m[1]}://${m[2]}`);
  }
}
