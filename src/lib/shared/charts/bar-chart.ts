import { scaleBand, scaleLinear } from 'd3-scale';
import { stack, stackOffsetDiverging } from 'd3-shape';
import {
	cellsOf,
	chartId,
	HALO,
	escapeXml,
	fillDefs,
	fitLabel,
	fillOf,
	GRID,
	INK,
	legend,
	svgOpen,
	valueTicks,
	type Chart,
	type ChartText,
	type NumberFormat,
	type Series
} from './chart.js';

export interface BarChartInput extends ChartText {
	/** Unique on the page: it prefixes the ids of the title, description and patterns. */
	id: string;
	/** Header of the table's first column, such as "Action field". */
	categoryLabel: string;
	categories: readonly string[];
	/** One series draws plain bars; several are grouped side by side, or stacked. */
	series: readonly Series[];
	layout?: 'grouped' | 'stacked';
	/** Stacked bars: header of the total column in the table. */
	totalLabel?: string;
	format: NumberFormat;
	width?: number;
}

const CHAR = 7;
const BAR = 16;
const PAD = 8;

/** Horizontal bars, so long category names (action fields, municipalities) stay readable. */
export function barChart(input: BarChartInput): Chart {
	const id = chartId(input.id);
	const width = input.width ?? 640;
	const stacked = input.layout === 'stacked' && input.series.length > 1;
	const value = (series: number, category: number) =>
		input.series[series]?.values[category] ?? null;
	const totals = input.categories.map((_, category) =>
		input.series.reduce((sum, _series, series) => sum + (value(series, category) ?? 0), 0)
	);

	const labelWidth = Math.min(
		220,
		Math.max(60, ...input.categories.map((label) => label.length * CHAR + PAD))
	);
	const left = labelWidth + PAD;
	const right = width - PAD - 8 * CHAR;
	const multiple = input.series.length > 1;
	const legendBlock = multiple
		? legend(
				input.series.map((series, index) => ({
					label: series.label,
					swatch: `<rect x="0" y="-7" width="16" height="14" fill="${fillOf(id, index)}" stroke="${INK}" stroke-width="0.5"/>`
				})),
				PAD,
				PAD + 8,
				width - 2 * PAD
			)
		: { markup: '', height: 0 };
	const top = PAD + legendBlock.height + (multiple ? PAD : 0);
	const perCategory = stacked || !multiple ? BAR : BAR * input.series.length;
	const bandStep = perCategory / 0.7;
	const plotBottom = top + Math.max(1, input.categories.length) * bandStep;
	const height = Math.ceil(plotBottom + 28);

	const band = scaleBand<number>()
		.domain(input.categories.map((_, index) => index))
		.range([top, plotBottom])
		.paddingInner(0.3)
		.paddingOuter(0.15);

	const numbers = stacked
		? totals
		: input.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
	const low = Math.min(0, ...numbers);
	const high = Math.max(0, ...numbers);
	const x = scaleLinear()
		.domain([low, high === low ? low + 1 : high])
		.nice()
		.range([left, right]);

	const parts: string[] = [svgOpen(id, input, width, height)];
	parts.push(`<defs>${fillDefs(id, input.series.length)}</defs>`, legendBlock.markup);

	for (const tick of valueTicks(x, numbers)) {
		const tx = x(tick);
		parts.push(
			`<line x1="${tx}" x2="${tx}" y1="${top}" y2="${plotBottom}" stroke="${GRID}" stroke-width="1"/>`,
			`<text x="${tx}" y="${plotBottom + 16}" text-anchor="middle" fill="${INK}" font-size="11">${escapeXml(input.format(tick))}</text>`
		);
	}

	input.categories.forEach((category, index) => {
		const y = band(index)!;
		const middle = y + band.bandwidth() / 2;
		parts.push(
			`<text x="${labelWidth}" y="${middle + 4}" text-anchor="end" fill="${INK}">${escapeXml(fitLabel(category, Math.floor(labelWidth / CHAR)))}</text>`
		);
		if (stacked) parts.push(stackedBar(input, id, index, y, band.bandwidth(), x, totals[index]!));
		else
			input.series.forEach((_series, series) => {
				const barHeight = band.bandwidth() / input.series.length;
				parts.push(
					bar(input, id, series, value(series, index), y + series * barHeight, barHeight, x)
				);
			});
	});
	parts.push(
		`<line x1="${x(0)}" x2="${x(0)}" y1="${top}" y2="${plotBottom}" stroke="${INK}" stroke-width="1"/>`,
		'</svg>'
	);

	const headers = [input.categoryLabel, ...input.series.map((series) => series.label)];
	if (stacked && input.totalLabel) headers.push(input.totalLabel);
	return {
		title: input.title,
		description: input.description,
		svg: parts.join(''),
		width,
		height,
		table: {
			caption: input.title,
			headers,
			rows: input.categories.map((label, category) => {
				const values = input.series.map((_series, series) => value(series, category));
				if (stacked && input.totalLabel) values.push(totals[category]!);
				return { label, values, cells: cellsOf(values, input.format) };
			})
		}
	};
}

type Scale = ReturnType<typeof scaleLinear<number>>;

function bar(
	input: BarChartInput,
	id: string,
	series: number,
	value: number | null,
	y: number,
	height: number,
	x: Scale
): string {
	const middle = y + height / 2 + 4;
	if (value === null)
		return `<text x="${x(0) + 4}" y="${middle}" fill="${INK}" font-size="11">–</text>`;
	const start = Math.min(x(0), x(value));
	const end = Math.max(x(0), x(value));
	return (
		`<rect x="${start}" y="${y}" width="${end - start}" height="${height - 1}" fill="${fillOf(id, series)}" stroke="${INK}" stroke-width="0.5"/>` +
		`<text x="${end + 4}" y="${middle}" fill="${INK}" font-size="11">${escapeXml(input.format(value))}</text>`
	);
}

function stackedBar(
	input: BarChartInput,
	id: string,
	category: number,
	y: number,
	height: number,
	x: Scale,
	total: number
): string {
	const row = Object.fromEntries(
		input.series.map((series, index) => [index, series.values[category] ?? 0])
	);
	const layers = stack<Record<number, number>, number>()
		.keys(input.series.map((_, index) => index))
		.offset(stackOffsetDiverging)([row]);
	const parts = layers.map((layer, series) => {
		const [from, to] = layer[0]!;
		const start = x(Math.min(from, to));
		const width = Math.abs(x(to) - x(from));
		if (width === 0) return '';
		const text = input.format(to - from);
		const label =
			width >= text.length * CHAR + 10
				? `<text x="${start + width / 2}" y="${y + height / 2 + 4}" text-anchor="middle" font-size="11" fill="${INK}" ${HALO}>${escapeXml(text)}</text>`
				: '';
		return `<rect x="${start}" y="${y}" width="${width}" height="${height}" fill="${fillOf(id, series)}" stroke="${INK}" stroke-width="0.5"/>${label}`;
	});
	const end = x(Math.max(0, total));
	parts.push(
		`<text x="${end + 4}" y="${y + height / 2 + 4}" fill="${INK}" font-size="11" font-weight="bold">${escapeXml(input.format(total))}</text>`
	);
	return parts.join('');
}
