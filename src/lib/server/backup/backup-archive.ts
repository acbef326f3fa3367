import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { z } from 'zod';
import { BackupError } from './backup-error.js';

/**
 * A backup is a plain tar (`tar -tf` lists it): `manifest.json` first, then the database
 * (`kitz.sqlite` or `kitz.pgdump`) and, when the app keeps its key in a file, `secret.key`.
 * The manifest holds each file's size and SHA-256, so a damaged copy is refused before a restore
 * touches anything.
 */
export const MANIFEST = 'manifest.json';
export const DATABASE_FILE = { sqlite: 'kitz.sqlite', postgres: 'kitz.pgdump' } as const;
export const SECRET_KEY_FILE = 'secret.key';
const ENTRY_NAMES = new Set<string>([MANIFEST, SECRET_KEY_FILE, ...Object.values(DATABASE_FILE)]);

const manifestSchema = z.object({
	format: z.literal('kitz-backup'),
	version: z.literal(1),
	createdAt: z.iso.datetime(),
	dialect: z.enum(['sqlite', 'postgres']),
	/** Migrations applied to the database when it was backed up. */
	migrations: z.array(z.string()),
	files: z.record(z.string(), z.object({ bytes: z.number().int().min(0), sha256: z.string() }))
});
export type Manifest = z.infer<typeof manifestSchema>;

async function sha256Of(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** Writes the files of `folder` named in `names` and their manifest into a new tar at `target`. */
export async function writeArchive(
	target: string,
	folder: string,
	names: string[],
	manifest: Omit<Manifest, 'files'>
): Promise<void> {
	const files: Manifest['files'] = {};
	for (const name of names)
		files[name] = {
			bytes: (await stat(join(folder, name))).size,
			sha256: await sha256Of(join(folder, name))
		};
	const pack = tar.pack();
	const mtime = new Date(manifest.createdAt);
	const header = (name: string, size: number) => ({ name, size, mtime, mode: 0o600 });
	const manifestJson = Buffer.from(JSON.stringify({ ...manifest, files }, null, '\t') + '\n');
	const entries = (async () => {
		pack.entry(header(MANIFEST, manifestJson.length), manifestJson);
		for (const name of names)
			await pipeline(
				createReadStream(join(folder, name)),
				pack.entry(header(name, files[name]!.bytes))
			);
		pack.finalize();
	})().catch((error: unknown) => {
		pack.destroy(error as Error);
		throw error;
	});
	await Promise.all([
		pipeline(pack, createWriteStream(target, { flags: 'wx', mode: 0o600 })),
		entries
	]);
}

/**
 * Unpacks a backup into `folder` and checks it whole: a manifest first, only known file names,
 * every listed file present with its size and checksum, nothing else. Throws BackupError.
 */
export async function readArchive(file: string, folder: string): Promise<Manifest> {
	const notBackup = (reason: string) => new BackupError(`${file} is not a KITZ backup: ${reason}`);
	const seen = new Map<string, { bytes: number; sha256: string }>();
	const extract = tar.extract();
	extract.on('entry', (header, stream, next) => {
		const name = header.name;
		if (seen.size === 0 && name !== MANIFEST)
			return extract.destroy(notBackup(`it starts with "${name}" instead of ${MANIFEST}`));
		if (!ENTRY_NAMES.has(name) || header.type !== 'file' || seen.has(name))
			return extract.destroy(notBackup(`unexpected entry "${name}"`));
		const hash = createHash('sha256');
		let bytes = 0;
		pipeline(
			stream,
			async function* (source: AsyncIterable<Buffer>) {
				for await (const chunk of source) {
					hash.update(chunk);
					bytes += chunk.length;
					yield chunk;
				}
			},
			createWriteStream(join(folder, name), { mode: 0o600 })
		).then(
			() => {
				seen.set(name, { bytes, sha256: hash.digest('hex') });
				next();
			},
			(error: unknown) => extract.destroy(error as Error)
		);
	});
	try {
		await pipeline(createReadStream(file), extract);
	} catch (error) {
		if (error instanceof BackupError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
			throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
		// Once the manifest was read, the file is a backup: it broke off or was changed.
		if (seen.has(MANIFEST))
			throw new BackupError(`${file} is damaged or incomplete: ${(error as Error).message}`);
		throw notBackup((error as Error).message);
	}
	if (!seen.has(MANIFEST)) throw notBackup('it holds no manifest');
	let json: unknown;
	try {
		json = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8'));
	} catch {
		throw notBackup('its manifest is not JSON');
	}
	const parsed = manifestSchema.safeParse(json);
	if (!parsed.success)
		throw notBackup(`its manifest is not one (${parsed.error.issues[0]?.message})`);
	const manifest = parsed.data;
	const expected = Object.entries(manifest.files);
	if (!(DATABASE_FILE[manifest.dialect] in manifest.files))
		throw notBackup(`the manifest lists no ${DATABASE_FILE[manifest.dialect]}`);
	for (const [name, { bytes, sha256 }] of expected) {
		const found = seen.get(name);
		if (!found) throw new BackupError(`${file} is incomplete: ${name} is missing`);
		if (found.bytes !== bytes || found.sha256 !== sha256)
			throw new BackupError(`${file} is damaged: ${name} does not match its checksum`);
	}
	if (seen.size !== expected.length + 1)
		throw notBackup('it holds files its manifest does not list');
	return manifest;
}
