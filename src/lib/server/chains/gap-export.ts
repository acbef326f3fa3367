import type { Translate } from '../../i18n/messages.js';
import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { writeTableFile, type TableFile } from '../../shared/files/table-file.js';
import { coverageCategory } from './coverage.js';
import { gapMatrix, type GapMatrix, type GapSort } from './coverage.service.js';

/**
 * The gap matrix as a table file: a row per municipality in the page's order, four columns per
 * stage (distance, coverage, nearest offer, languages within reach). Distances are rounded as
 * the page shows them, so the file and the page give the same figures.
 */
export function gapMatrixRows(matrix: GapMatrix, t: Translate): (string | number)[][] {
	const languageName = new Intl.DisplayNames([t.locale === 'en' ? 'en' : 'de'], {
		type: 'language'
	});
	const stages = matrix.chains.flatMap((chain) =>
		chain.stages.map((stage) => ({
			...stage,
			name: `${chain.title} · ${stage.step}. ${stage.title}`
		}))
	);
	const header = [
		t('office.chains.gaps.municipality'),
		t('office.chains.gaps.amt'),
		t('office.chains.gaps.ags'),
		t('office.chains.gaps.population'),
		...stages.flatMap((stage) => [
			`${stage.name} – ${t('office.chains.gaps.column.km')}`,
			`${stage.name} – ${t('office.chains.gaps.column.coverage')}`,
			`${stage.name} – ${t('office.chains.gaps.column.nearest')}`,
			`${stage.name} – ${t('office.chains.gaps.column.languages')}`
		])
	];
	return [
		header,
		...matrix.rows.map(({ municipality, cells }) => [
			municipality.name,
			municipality.amt ?? '',
			municipality.ags,
			municipality.population ?? '',
			...cells.flatMap((cell, index) => [
				cell.nearest ? roundKm(cell.nearest.distanceKm) : '',
				t(`office.chains.gaps.category.${coverageCategory(cell, stages[index]!.reachKm)}`),
				cell.nearestOffer?.title.text ?? '',
				cell.languages.map((code) => languageName.of(code) ?? code).join(', ')
			])
		])
	];
}

/** One decimal, as `formatKm` shows a distance. */
export const roundKm = (km: number): number => Math.round(km * 10) / 10;

export async function exportGapMatrix(
	db: Db,
	actor: Actor,
	options: { chainId?: number; language?: string | null; sort?: GapSort },
	format: 'csv' | 'xlsx',
	t: Translate
): Promise<TableFile> {
	const locale = t.locale === 'en' ? 'en' : 'de';
	const rows = gapMatrixRows(await gapMatrix(db, actor, options, locale), t);
	return writeTableFile(format, {
		fileName: t('office.chains.gaps.fileName'),
		sheet: t('office.chains.gaps.sheet'),
		rows,
		widths: rows[0]!.map((_, index) => (index < 4 ? 24 : 18))
	});
}
