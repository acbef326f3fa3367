import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('backup settings', () => {
	it('back up daily into DATA_DIR/backups and keep 30 days by default', () => {
		const config = readConfig({ DATA_DIR: '/srv/kitz' });
		expect(config).toMatchObject({
			backupDir: resolve('/srv/kitz/backups'),
			backupIntervalHours: 24,
			backupKeep: 30
		});
	});

	it.each([
		[{ BACKUP_INTERVAL_HOURS: '12' }, 60],
		[{ BACKUP_INTERVAL_HOURS: '0' }, 30],
		[{ BACKUP_INTERVAL_HOURS: '6', BACKUP_KEEP: '7' }, 7]
	])('keep 30 days of backups unless BACKUP_KEEP says otherwise (%o)', (env, keep) => {
		expect(readConfig(env).backupKeep).toBe(keep);
	});

	it('refuse a negative interval and keeping no backup', () => {
		expect(() => readConfig({ BACKUP_INTERVAL_HOURS: '-1' })).toThrow(/BACKUP_INTERVAL_HOURS/);
		expect(() => readConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
	});
});
