/** Origin rules of the dev server: exact origins, and a loopback host on any port. */
import { describe, expect, it } from 'vitest';
import { OriginRules, originRuleProblem } from './originRule.ts';

describe('origin rules', () => {
  it('allow exact origins and nothing near them', () => {
    const rules = new OriginRules(['http://localhost:5174']);
    expect(rules.allows('http://localhost:5174')).toBe(true);
    expect(rules.allows('http://localhost:5175')).toBe(false);
    expect(rules.allows('https://localhost:5174')).toBe(false);
    expect(rules.allows('http://localhost:5174.evil.example')).toBe(false);
  });

  it('allow a loopback host on any port, and only that host and scheme', () => {
    const rules = new OriginRules(['http://127.0.0.1:*', 'http://[::1]:*']);
    expect(rules.allows('http://127.0.0.1:5173')).toBe(true);
    expect(rules.allows('http://127.0.0.1:9')).toBe(true);
    expect(rules.allows('http://[::1]:4321')).toBe(true);
    expect(rules.allows('http://127.0.0.1'), 'port 80 is a port too').toBe(true);
    expect(rules.allows('https://127.0.0.1:5173')).toBe(false);
    expect(rules.allows('http://localhost:5173')).toBe(false);
    expect(rules.allows('http://127.0.0.1.evil.example:5173')).toBe(false);
    expect(rules.allows('http://127.0.0.1:*')).toBe(false);
  });

  it('refuse a wildcard on any other host, and what is no origin, naming why', () => {
    expect(originRuleProblem('http://example.com:*')).toMatch(/port wildcard is allowed on a loopback host only/);
    expect(originRuleProblem('http://localhost:5174/path')).toMatch(/must be an origin like/);
    expect(originRuleProblem('localhost:5174')).toMatch(/must be an origin like/);
    expect(originRuleProblem('http://localhost:*')).toBeNull();
    expect(() => new OriginRules(['http://example.com:*'])).toThrow(RangeError);
  });
});
