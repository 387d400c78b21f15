import { describe, expect, it } from 'vitest';
import { shortSha } from '../../src/lib/sha.js';

describe('shortSha', () => {
  it('shows the first 7 hex digits of any commit id, lowercase', () => {
    expect(shortSha('0123456789abcdef0123456789abcdef01234567')).toBe('0123456');
    expect(shortSha('ABCDEF0123456789ABCDEF0123456789ABCDEF01')).toBe('abcdef0');
    expect(shortSha('a'.repeat(64))).toBe('aaaaaaa');
    expect(shortSha('abc12')).toBe('abc12');
  });

  it('never carries anything but hex digits, and names a missing id', () => {
    expect(shortSha('@dependabot ![x](y)')).toBe('deedab');
    expect(shortSha('`rm -rf`')).toBe('f');
    expect(shortSha('')).toBe('unknown');
    expect(shortSha('zzz')).toBe('unknown');
  });
});
