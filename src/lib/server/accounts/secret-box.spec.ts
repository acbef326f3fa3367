import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box.js';

describe('secret box', () => {
	it('seals so that the stored value reveals nothing and opens again', () => {
		const secret = 'JBSWY3DPEHPK3PXP';
		const stored = seal(secret);
		expect(stored).not.toContain(secret);
		expect(stored).not.toBe(seal(secret));
		expect(open(stored)).toBe(secret);
	});

	it('reads values stored before encryption', () => {
		expect(open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
	});

	it('refuses a tampered value', () => {
		const stored = seal('JBSWY3DPEHPK3PXP');
		const tampered = stored.slice(0, -4) + (stored.endsWith('AAAA') ? 'BBBB' : 'AAAA');
		expect(() => open(tampered)).toThrow();
	});
});
