import type { Translate } from '../../i18n/messages.js';
import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { writeTableFile, type TableFile } from '../../shared/files/table-file.js';
import { currentInstrument } from './instrument.service.js';
import { scoresOfRounds } from './scored-rounds.js';
import { authorizeOnOpening } from './opening-access.js';
import { listRoundRows, listUnitRows } from './opening.repository.js';
import type { BilingualText } from './opening.schema.js';
import { distributionOf, MIN_UNITS, type Distribution } from './scoring.js';

export interface DimensionFigures {
	key: string;
	title: BilingualText;
	/** How the units' newest submitted rounds spread; null when fewer than MIN_UNITS answered. */
	latest: Distribution | null;
	/**
	 * Units with two submitted rounds: the median of their previous rounds and of their newest,
	 * and the change; null when fewer than MIN_UNITS units have both.
	 */
	change: { units: number; previous: number; latest: number; difference: number } | null;
}

export interface DistrictView {
	/** Units with at least one submitted round. */
	answered: number;
	minUnits: number;
	dimensions: DimensionFigures[];
}

const median = (values: number[]) => distributionOf(values)?.median ?? null;

/**
 * The district's figures per dimension of the current instrument (matched by key), from each
 * unit's newest submitted round and the one before it. Nothing about fewer than MIN_UNITS units
 * leaves this function: those dimensions carry no numbers, only that there are none.
 */
export async function districtView(db: Db, actor: Actor): Promise<DistrictView> {
	authorizeOnOpening(actor, 'district', actor.districtId);
	const { content } = await currentInstrument(db, actor);
	const units = await listUnitRows(db, actor.districtId);
	const submitted = (
		await listRoundRows(
			db,
			units.map((unit) => unit.id)
		)
	).filter((round) => round.status === 'submitted');
	// Each unit's two newest submitted rounds, by the day they were submitted.
	const lastTwo = units
		.map((unit) =>
			submitted
				.filter((round) => round.unitId === unit.id)
				.sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!) || a.id - b.id)
				.slice(-2)
		)
		.filter((rounds) => rounds.length > 0);
	const scored = await scoresOfRounds(db, lastTwo.flat());
	const scoresOf = (round: (typeof submitted)[number]) =>
		new Map(scored.get(round.id)!.scores.dimensions.map((d) => [d.key, d.score]));
	const pairs = lastTwo.map((rounds) => ({
		latest: scoresOf(rounds.at(-1)!),
		previous: rounds.length === 2 ? scoresOf(rounds[0]!) : null
	}));
	return {
		answered: pairs.length,
		minUnits: MIN_UNITS,
		dimensions: content.dimensions.map((dimension) => {
			const latest = pairs
				.map((pair) => pair.latest.get(dimension.key))
				.filter((score): score is number => typeof score === 'number');
			const both = pairs.flatMap((pair) => {
				const now = pair.latest.get(dimension.key);
				const before = pair.previous?.get(dimension.key);
				return typeof now === 'number' && typeof before === 'number' ? [{ now, before }] : [];
			});
			const previousMedian = median(both.map((pair) => pair.before));
			const latestMedian = median(both.map((pair) => pair.now));
			return {
				key: dimension.key,
				title: dimension.title,
				latest: distributionOf(latest),
				change:
					previousMedian === null || latestMedian === null
						? null
						: {
								units: both.length,
								previous: previousMedian,
								latest: latestMedian,
								difference: latestMedian - previousMedian
							}
			};
		})
	};
}

/** Two decimals in the file, as numbers the spreadsheet can compute with. */
const rounded = (value: number) => Math.round(value * 100) / 100;

/** The district view as rows: a dimension with fewer than MIN_UNITS units says so, no numbers. */
export function districtViewRows(view: DistrictView, t: Translate): (string | number)[][] {
	const language = t.locale === 'en' ? 'en' : 'de';
	const tooFew = t('office.opening.district.tooFewShort', { min: view.minUnits });
	const header = [
		t('office.opening.dimension'),
		t('office.opening.district.units'),
		t('office.opening.district.min'),
		t('office.opening.district.lowerQuartile'),
		t('office.opening.district.median'),
		t('office.opening.district.upperQuartile'),
		t('office.opening.district.max'),
		t('office.opening.district.changeUnits'),
		t('office.opening.district.previousMedian'),
		t('office.opening.district.latestMedian'),
		t('office.opening.district.difference')
	];
	return [
		header,
		...view.dimensions.map((dimension) => {
			const d = dimension.latest;
			const c = dimension.change;
			return [
				dimension.title[language],
				...(d
					? [d.units, ...[d.min, d.lowerQuartile, d.median, d.upperQuartile, d.max].map(rounded)]
					: [tooFew, '', '', '', '', '']),
				...(c
					? [c.units, rounded(c.previous), rounded(c.latest), rounded(c.difference)]
					: [tooFew, '', '', ''])
			];
		})
	];
}

export async function exportDistrictView(db: Db, actor: Actor, t: Translate): Promise<TableFile> {
	const rows = districtViewRows(await districtView(db, actor), t);
	return writeTableFile('xlsx', {
		fileName: t('office.opening.district.fileName'),
		sheet: t('office.opening.district.sheet'),
		rows,
		widths: rows[0]!.map((_, index) => (index === 0 ? 40 : 14))
	});
}
