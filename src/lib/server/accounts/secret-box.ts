import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Encrypts small secrets at rest (the TOTP seeds), so a copy of the database alone does not let
 * anyone produce second-factor codes. The key comes from KITZ_SECRET_KEY (base64, 32 bytes;
 * needed when several app processes share one database) or from a key file created once in
 * DATA_DIR. Values are `v1:<iv>:<tag>:<ciphertext>` in base64; older plain values still read.
 */
const PREFIX = 'v1:';
let cachedKey: Buffer | undefined;

function key(): Buffer {
	if (cachedKey) return cachedKey;
	const fromEnvironment = process.env.KITZ_SECRET_KEY;
	if (fromEnvironment) {
		const decoded = Buffer.from(fromEnvironment, 'base64');
		if (decoded.length !== 32) throw new Error('KITZ_SECRET_KEY must be 32 bytes, base64-encoded');
		return (cachedKey = decoded);
	}
	const file = resolve(process.env.DATA_DIR ?? './data', 'secret.key');
	if (!existsSync(file)) {
		mkdirSync(dirname(file), { recursive: true });
		// wx: two processes starting together cannot both write a different key.
		try {
			writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		chmodSync(file, 0o600);
	}
	return (cachedKey = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}

export function seal(plain: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key(), iv);
	const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return (
		PREFIX + [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join(':')
	);
}

export function open(stored: string): string {
	if (!stored.startsWith(PREFIX)) return stored;
	const [iv, tag, sealed] = stored
		.slice(PREFIX.length)
		.split(':')
		.map((part) => Buffer.from(part, 'base64'));
	const decipher = createDecipheriv('aes-256-gcm', key(), iv!);
	decipher.setAuthTag(tag!);
	return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
}
