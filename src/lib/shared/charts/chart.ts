/**
 * Charts as server-rendered SVG that read without JavaScript and without colour: each series
 * has its own pattern or line dash, values are written on the marks, and the same numbers come
 * as a table model for screen readers, copying into a spreadsheet and the report's documents.
 * Every text arrives translated; the shared layer knows no catalogue.
 */

/** One row of numbers, such as the offers of a period; null where there is no figure. */
export interface Series {
	label: string;
	values: readonly (number | null)[];
}

/** The words a chart needs; `description` says in a sentence what the chart shows. */
export interface ChartText {
	title: string;
	description: string;
}

export interface ChartTableRow {
	label: string;
	values: (number | null)[];
	/** The values as the chart writes them. */
	cells: string[];
}

/** The chart's numbers as a table: a caption, a header row, and one row per category or period. */
export interface ChartTable {
	caption: string;
	headers: string[];
	rows: ChartTableRow[];
}

export interface Chart extends ChartText {
	/** A complete `<svg>` element with role="img", `<title>` and `<desc>`. */
	svg: string;
	/** The size the SVG was laid out for, in CSS pixels; a PNG is rendered at a multiple. */
	width: number;
	height: number;
	table: ChartTable;
}

/** Writes a number for the chart and its table, in the reader's language. */
export type NumberFormat = (value: number) => string;

export const FONT_FAMILY = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
export const INK = '#1a1a1a';
export const GRID = '#d0d0d0';

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text placed into SVG markup, safe for content and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** An id made only of safe characters, so two charts on one page never share a pattern id. */
export function chartId(id: string): string {
	return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * Fills told apart in greyscale: shades from dark to light, every second one hatched, so even a
 * black-and-white print of a report keeps the series apart.
 */
const FILLS = [
	{ shade: '#2b2b2b', hatch: null },
	{ shade: '#9a9a9a', hatch: 'diagonal' },
	{ shade: '#5e5e5e', hatch: 'dots' },
	{ shade: '#c8c8c8', hatch: 'cross' },
	{ shade: '#7a7a7a', hatch: null },
	{ shade: '#e4e4e4', hatch: 'diagonal' }
] as const;

function pattern(id: string, index: number): string {
	const fill = FILLS[index % FILLS.length]!;
	if (!fill.hatch) return '';
	const mark =
		fill.hatch === 'diagonal'
			? `<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="${INK}" stroke-width="1.2"/>`
			: fill.hatch === 'dots'
				? `<circle cx="4" cy="4" r="1.4" fill="#ffffff"/>`
				: `<path d="M0,0 L8,8 M8,0 L0,8" stroke="${INK}" stroke-width="0.9"/>`;
	return (
		`<pattern id="${id}-fill-${index}" width="8" height="8" patternUnits="userSpaceOnUse">` +
		`<rect width="8" height="8" fill="${fill.shade}"/>${mark}</pattern>`
	);
}

/** The fill of series `index`: a plain shade or a pattern defined by `fillDefs`. */
export function fillOf(id: string, index: number): string {
	const fill = FILLS[index % FILLS.length]!;
	return fill.hatch ? `url(#${id}-fill-${index})` : fill.shade;
}

export function fillDefs(id: string, count: number): string {
	return Array.from({ length: count }, (_, index) => pattern(id, index)).join('');
}

/** The opening of a chart's SVG: size, accessible name and description, fonts. */
export function svgOpen(id: string, text: ChartText, width: number, height: number): string {
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" ` +
		`width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc" ` +
		`font-family="${escapeXml(FONT_FAMILY)}" font-size="12" class="chart">` +
		`<title id="${id}-title">${escapeXml(text.title)}</title>` +
		`<desc id="${id}-desc">${escapeXml(text.description)}</desc>` +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`
	);
}

/** A legend row of swatches and labels, left to right from `x`, `y` being the row's middle. */
export function legend(
	items: { label: string; swatch: string }[],
	x: number,
	y: number,
	maxWidth: number
): { markup: string; height: number } {
	const parts: string[] = [];
	let left = x;
	let row = 0;
	for (const item of items) {
		// An estimate of the text's width at 12 px; wide enough for DejaVu Sans.
		const width = 22 + item.label.length * 7 + 16;
		if (left > x && left + width > x + maxWidth) {
			left = x;
			row++;
		}
		const middle = y + row * 20;
		parts.push(
			`<g transform="translate(${left},${middle})">${item.swatch}` +
				`<text x="22" y="4" fill="${INK}">${escapeXml(item.label)}</text></g>`
		);
		left += width;
	}
	return { markup: parts.join(''), height: (row + 1) * 20 };
}

/** Attributes that give a value label a white halo, readable over lines, hatching and grid. */
export const HALO =
	'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

/** Ticks of a value scale; counts get whole-number ticks only (no "0.5 meetings"). */
export function valueTicks(scale: { ticks(count: number): number[] }, numbers: number[]): number[] {
	const ticks = scale.ticks(5);
	return numbers.every(Number.isInteger) ? ticks.filter(Number.isInteger) : ticks;
}

/** A label cut to a number of characters with an ellipsis; the table keeps it whole. */
export function fitLabel(label: string, characters: number): string {
	return label.length <= characters ? label : `${label.slice(0, Math.max(1, characters - 1))}…`;
}

/** Cells for a table row: each value as the chart writes it, a dash where there is none. */
export function cellsOf(values: readonly (number | null)[], format: NumberFormat): string[] {
	return values.map((value) => (value === null ? '–' : format(value)));
}
