import { describe, expect, it } from 'vitest';
import { SERVER_CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './withContentSecurityPolicy.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name, sources];
  }));
}

describe('withContentSecurityPolicy', () => {
  it('adds the policy to a response without one', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([SERVER_CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('works when Electron passes no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [SERVER_CONTENT_SECURITY_POLICY] });
  });

  it("keeps the server's own policy, whatever its casing, so both are enforced", () => {
    const input = { 'content-security-policy': ["default-src 'self'"] };
    const headers = withContentSecurityPolicy(input);
    expect(headers['content-security-policy']).toEqual(["default-src 'self'", SERVER_CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers)).toEqual(['content-security-policy']);
    expect(input['content-security-policy']).toEqual(["default-src 'self'"]);
  });

  it('allows scripts and connections only from the server itself', () => {
    const policy = directives(SERVER_CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(SERVER_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});
