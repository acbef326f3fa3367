import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeArchive } from '../../src/lib/server/backup/backup-archive.js';
import { BackupError } from '../../src/lib/server/backup/backup-error.js';
import { backupName, listBackups, pruneBackups } from '../../src/lib/server/backup/backup-files.js';
import { createBackup, restoreBackup } from '../../src/lib/server/backup/backup.js';
import { backUpWhenDue } from '../../src/lib/server/backup/scheduled-backup.js';
import { readConfig, type Config } from '../../src/lib/server/config.js';
import { openDatabase, type Database } from '../../src/lib/server/db/database.js';
import {
	listOrganisations,
	organisationProfile,
	updateOrganisation
} from '../../src/lib/server/organisations/organisations.service.js';
import { factoryEditor } from '../factories/account.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

let districtId = 0;
let renamedId = 0;
let dataDir = '';

beforeEach(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'kitz-backups-test-'));
});
afterEach(async () => {
	await rm(dataDir, { recursive: true, force: true });
});

function configFor(database: Database, env: Record<string, string> = {}): Config {
	return readConfig({ DATA_DIR: dataDir, DATABASE_URL: database.url, ...env });
}

async function organisations(database: Database) {
	return listOrganisations(database.db, await factoryEditor(database.db, districtId));
}

async function refusal(work: Promise<unknown>): Promise<string> {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(BackupError);
	return (failure as BackupError).message;
}

describeEachDialect(
	'backups',
	({ database, dialect }) => {
		it('restores the data and the key file of a backup exactly', async () => {
			const keyFile = join(dataDir, 'secret.key');
			const backedUpKey = randomBytes(32).toString('base64');
			await writeFile(keyFile, backedUpKey);
			const config = configFor(database());
			const before = await organisations(database());
			const backup = await createBackup(config);
			expect(backup).toMatchObject({ dialect, withSecretKey: true });
			expect(await listBackups(config.backupDir)).toEqual([backup.file]);

			const editor = await factoryEditor(database().db, districtId);
			const profile = await organisationProfile(database().db, editor, renamedId);
			const renamed = { name: 'Umbenannt', kind: 'provider' } as const;
			await updateOrganisation(database().db, editor, renamedId, renamed, async () => {});
			await createOrganisation(database().db, { districtId });
			expect(await organisations(database())).toHaveLength(before.length + 1);
			await writeFile(keyFile, randomBytes(32).toString('base64'));

			// The app stops before a restore.
			await database().db.destroy();
			const plan = await restoreBackup(config, backup.file, { apply: true });
			expect(plan).toMatchObject({ applied: true, manifest: { dialect } });

			const restored = openDatabase(database().url);
			try {
				const after = await organisations(restored);
				expect(after).toHaveLength(before.length);
				expect(after).toEqual(before);
				expect(after.find((entry) => entry.id === renamedId)?.name).toBe(profile.name);
			} finally {
				await restored.close();
			}
			expect(await readFile(keyFile, 'utf8')).toBe(backedUpKey);
			expect(await readFile(plan.previousSecretKey!, 'utf8')).not.toBe(backedUpKey);
		});

		it('refuses a file that is no backup, a damaged one, one of the other database and a database in use, changing nothing', async () => {
			const config = configFor(database());
			const before = await organisations(database());
			const notBackup = join(dataDir, 'notes.tar');
			await writeFile(notBackup, 'this is not a backup\n'.repeat(100));
			expect(await refusal(restoreBackup(config, notBackup, { apply: true }))).toContain(
				'is not a KITZ backup'
			);

			const backup = await createBackup(config);
			const damaged = join(dataDir, 'damaged.tar');
			const bytes = await readFile(backup.file);
			// Inside the database's last block: a tar ends in 1,024 zero bytes and pads entries to 512.
			const flipped = bytes.length - 2048;
			bytes[flipped] = bytes[flipped]! ^ 0xff;
			await writeFile(damaged, bytes);
			expect(await refusal(restoreBackup(config, damaged, { apply: true }))).toMatch(
				/damaged: kitz\.(sqlite|pgdump) does not match its checksum/
			);
			const cut = join(dataDir, 'cut.tar');
			await writeFile(cut, bytes);
			await truncate(cut, 4096);
			expect(await refusal(restoreBackup(config, cut, { apply: true }))).toContain(
				`${cut} is damaged or incomplete`
			);

			const other = dialect === 'sqlite' ? 'postgres' : 'sqlite';
			const folder = await mkdtemp(join(dataDir, 'other-'));
			const otherFile = other === 'sqlite' ? 'kitz.sqlite' : 'kitz.pgdump';
			await writeFile(join(folder, otherFile), 'a database');
			const foreign = join(dataDir, backupName(new Date()));
			await writeArchive(foreign, folder, [otherFile], {
				format: 'kitz-backup',
				version: 1,
				createdAt: new Date().toISOString(),
				dialect: other,
				migrations: []
			});
			expect(await refusal(restoreBackup(config, foreign, { apply: true }))).toContain(
				`is a ${other} backup, but DATABASE_URL is a ${dialect} database`
			);

			// This test's connection stands for the running app.
			expect(await refusal(restoreBackup(config, backup.file, { apply: true }))).toMatch(
				/in use.*stop every KITZ process/
			);
			expect(await organisations(database())).toEqual(before);
		});

		it('backs up on schedule once per interval, however many processes ask, and keeps the newest', async () => {
			const config = configFor(database(), { BACKUP_INTERVAL_HOURS: '24', BACKUP_KEEP: '1' });
			const second = openDatabase(database().url);
			try {
				const start = new Date();
				await Promise.all([
					backUpWhenDue(database().db, config, start),
					backUpWhenDue(second.db, config, start)
				]);
				const [first] = await listBackups(config.backupDir);
				expect(await listBackups(config.backupDir)).toHaveLength(1);

				await backUpWhenDue(second.db, config, new Date(start.getTime() + 23 * 3600_000));
				expect(await listBackups(config.backupDir)).toEqual([first]);

				await backUpWhenDue(database().db, config, new Date(start.getTime() + 24 * 3600_000));
				const kept = await listBackups(config.backupDir);
				expect(kept).toEqual([
					join(config.backupDir, backupName(new Date(start.getTime() + 24 * 3600_000)))
				]);
			} finally {
				await second.close();
			}
		});
	},
	async (database) => {
		({
			districts: { schleswigFlensburg: districtId }
		} = await createDistrictsAndPlaces(database.db));
		renamedId = await createOrganisation(database.db, { districtId, name: 'Volkshochschule' });
		await createOrganisation(database.db, { districtId });
	},
	{ isolation: 'test' }
);

describe('backup retention', () => {
	it('keeps the newest backups and touches no other file', async () => {
		const names = [
			'kitz-backup-20261201T030000Z.tar',
			'kitz-backup-20261203T030000Z.tar',
			'kitz-backup-20261202T030000Z.tar',
			'kitz-backup-20251231T030000Z.tar'
		];
		const others = [
			'notes.txt',
			'kitz-backup-20261130T030000Z.tar.gz',
			'.kitz-backup-20261130T030000Z.tar.partial',
			'kitz-backup-latest.tar',
			'kitz.sqlite'
		];
		for (const name of [...names, ...others]) await writeFile(join(dataDir, name), name);

		const deleted = await pruneBackups(dataDir, 2);

		expect(deleted.map((file) => file.slice(dataDir.length + 1)).sort()).toEqual([
			'kitz-backup-20251231T030000Z.tar',
			'kitz-backup-20261201T030000Z.tar'
		]);
		expect((await readdir(dataDir)).sort()).toEqual(
			[...others, 'kitz-backup-20261202T030000Z.tar', 'kitz-backup-20261203T030000Z.tar'].sort()
		);
	});
});
