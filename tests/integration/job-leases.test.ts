import { expect, it, vi } from 'vitest';
import { runUnderLease } from '../../src/lib/server/jobs/job-lease.js';
import { findJobLease } from '../../src/lib/server/jobs/job-leases.repository.js';
import { describeEachDialect } from '../support/databases.js';

const HOUR = 60 * 60_000;
const at = (time: string) => () => new Date(`2026-12-01T${time}Z`);

/** A job that works until `finish()`, as a long run does. */
function jobUntilFinished() {
	let finish = () => {};
	let runs = 0;
	return {
		job: () => {
			runs++;
			return new Promise<void>((resolve) => (finish = resolve));
		},
		finish: () => finish(),
		runs: () => runs
	};
}

// Two lease holders on one database stand for two app processes. Each test uses its own job.
describeEachDialect('job leases', ({ database }) => {
	it('runs a job in one of two processes trying at once, and once per period', async () => {
		const db = database().db;
		let runs = 0;
		const job = async () => {
			runs++;
		};
		const tryAt = (holder: string, time: string) =>
			runUnderLease(db, 'once', job, { holder, periodMs: HOUR, clock: at(time) });
		const results = await Promise.all([tryAt('A', '10:00:00'), tryAt('B', '10:00:00')]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await tryAt('B', '10:30:00')).toBe(false);
		// Timers of processes drift apart: a run counts for nine tenths of its period.
		expect(await tryAt('B', '10:54:00')).toBe(true);
		expect(runs).toBe(2);
	});

	it('skips while another process holds the job and takes over once its lease ran out', async () => {
		const db = database().db;
		const slow = jobUntilFinished();
		const options = (holder: string, time: string) => ({
			holder,
			periodMs: 60_000,
			leaseMs: 5 * 60_000,
			clock: at(time)
		});
		const runA = runUnderLease(db, 'takeover', slow.job, options('A', '10:00:00'));
		await vi.waitFor(() => expect(slow.runs()).toBe(1));
		const quick = async () => {};
		expect(await runUnderLease(db, 'takeover', quick, options('B', '10:04:00'))).toBe(false);
		// A stopped renewing (a crashed process): its lease ends at 10:05.
		expect(await runUnderLease(db, 'takeover', quick, options('B', '10:06:00'))).toBe(true);
		slow.finish();
		expect(await runA).toBe(true);
		// A's late end does not overwrite what B recorded.
		expect(await findJobLease(db, 'takeover')).toMatchObject({
			holder: null,
			leaseUntil: null,
			startedAt: '2026-12-01T10:06:00.000Z',
			finishedAt: '2026-12-01T10:06:00.000Z'
		});
	});

	it('keeps the job while it works by renewing its lease', async () => {
		const db = database().db;
		const slow = jobUntilFinished();
		const runA = runUnderLease(db, 'renewal', slow.job, {
			holder: 'A',
			periodMs: 0,
			leaseMs: 600
		});
		const first = await vi.waitFor(async () => {
			const lease = await findJobLease(db, 'renewal');
			expect(lease?.holder).toBe('A');
			return lease!.leaseUntil!;
		});
		await vi.waitFor(
			async () => expect((await findJobLease(db, 'renewal'))!.leaseUntil! > first).toBe(true),
			{ timeout: 15_000, interval: 50 }
		);
		const afterFirstLease = () => new Date(Date.parse(first) + 1);
		const quick = async () => {};
		const tryB = () =>
			runUnderLease(db, 'renewal', quick, { holder: 'B', periodMs: 0, clock: afterFirstLease });
		expect(await tryB()).toBe(false);
		slow.finish();
		expect(await runA).toBe(true);
		expect(await tryB()).toBe(true);
	});

	it('lets go of a failed job and keeps its error', async () => {
		const db = database().db;
		const failing = async () => {
			throw new Error('mail server gone');
		};
		await expect(
			runUnderLease(db, 'failing', failing, { holder: 'A', periodMs: HOUR, clock: at('10:00:00') })
		).rejects.toThrow('mail server gone');
		expect(await findJobLease(db, 'failing')).toMatchObject({
			holder: null,
			lastError: 'mail server gone'
		});
	});
});
