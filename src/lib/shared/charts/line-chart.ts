import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import {
	cellsOf,
	chartId,
	escapeXml,
	GRID,
	HALO,
	INK,
	legend,
	svgOpen,
	valueTicks,
	type Chart,
	type ChartText,
	type NumberFormat,
	type Series
} from './chart.js';

/** A reference value drawn across the chart: the target to reach, or the baseline started from. */
export interface ReferenceLine {
	label: string;
	value: number;
}

export interface LineChartInput extends ChartText {
	/** Unique on the page: it prefixes the ids of the title and description. */
	id: string;
	/** Header of the table's first column, such as "Period". */
	periodLabel: string;
	/** The periods in time order, as the reader reads them. */
	periods: readonly string[];
	series: readonly Series[];
	target?: ReferenceLine;
	baseline?: ReferenceLine;
	format: NumberFormat;
	width?: number;
	height?: number;
}

// Series differ by dash and marker as well as by shade, so a greyscale print keeps them apart.
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];
const SHADES = [INK, '#4d4d4d', '#6e6e6e', '#333333'];
const TARGET_DASH = '12 5';
const BASELINE_DASH = '3 3';

function marker(index: number, x: number, y: number): string {
	const shade = SHADES[index % SHADES.length];
	switch (index % 4) {
		case 0:
			return `<circle cx="${x}" cy="${y}" r="4" fill="${shade}"/>`;
		case 1:
			return `<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="#ffffff" stroke="${shade}" stroke-width="1.5"/>`;
		case 2:
			return `<path d="M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z" fill="${shade}"/>`;
		default:
			return `<path d="M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z" fill="#ffffff" stroke="${shade}" stroke-width="1.5"/>`;
	}
}

const swatchLine = (dash: string, shade: string, width = 2) =>
	`<line x1="0" x2="16" y1="0" y2="0" stroke="${shade}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;

/** Values over periods, with the target and the baseline as labelled horizontal lines. */
export function lineChart(input: LineChartInput): Chart {
	const id = chartId(input.id);
	const width = input.width ?? 640;
	const height = input.height ?? 300;
	const pad = 8;
	// The legend names the reference lines with their values; labels on the lines would collide
	// with the newest points, which tend to lie near the target.
	const referenceText = (ref: ReferenceLine) => `${ref.label}: ${input.format(ref.value)}`;
	const references = [input.target, input.baseline].filter((ref): ref is ReferenceLine => !!ref);
	const numbers = [
		...input.series.flatMap((series) => series.values.filter((v): v is number => v !== null)),
		...references.map((ref) => ref.value)
	];
	const low = Math.min(0, ...numbers);
	const high = Math.max(0, ...numbers);

	const legendBlock = legend(
		[
			...input.series.map((series, index) => ({
				label: series.label,
				swatch:
					swatchLine(DASHES[index % DASHES.length]!, SHADES[index % SHADES.length]!) +
					marker(index, 8, 0)
			})),
			...(input.target
				? [{ label: referenceText(input.target), swatch: swatchLine(TARGET_DASH, INK, 2.5) }]
				: []),
			...(input.baseline
				? [{ label: referenceText(input.baseline), swatch: swatchLine(BASELINE_DASH, INK, 1.5) }]
				: [])
		],
		pad,
		pad + 8,
		width - 2 * pad
	);
	const top = pad + legendBlock.height + 16;
	const bottom = height - 28;
	const y = scaleLinear()
		.domain([low, high === low ? low + 1 : high])
		.nice()
		.range([bottom, top]);
	const ticks = valueTicks(y, numbers);
	const left = pad + Math.max(...ticks.map((tick) => input.format(tick).length)) * 7 + 8;
	const right = width - pad - 16;
	const x = scalePoint<number>()
		.domain(input.periods.map((_, index) => index))
		.range([left, right])
		.padding(0.4);

	const parts: string[] = [svgOpen(id, input, width, height), legendBlock.markup];
	for (const tick of ticks)
		parts.push(
			`<line x1="${left}" x2="${right}" y1="${y(tick)}" y2="${y(tick)}" stroke="${GRID}" stroke-width="1"/>`,
			`<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" fill="${INK}" font-size="11">${escapeXml(input.format(tick))}</text>`
		);
	input.periods.forEach((period, index) =>
		parts.push(
			`<text x="${x(index)}" y="${bottom + 18}" text-anchor="middle" fill="${INK}" font-size="11">${escapeXml(period)}</text>`
		)
	);
	parts.push(
		`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${INK}" stroke-width="1"/>`
	);

	const reference = (ref: ReferenceLine, dash: string, strokeWidth: number) =>
		`<line x1="${left}" x2="${right}" y1="${y(ref.value)}" y2="${y(ref.value)}" stroke="${INK}" stroke-width="${strokeWidth}" stroke-dasharray="${dash}"/>`;
	if (input.baseline) parts.push(reference(input.baseline, BASELINE_DASH, 1.5));
	if (input.target) parts.push(reference(input.target, TARGET_DASH, 2.5));

	input.series.forEach((series, index) => {
		const points = series.values.map((value, period) => [period, value] as const);
		const path = line<readonly [number, number | null]>()
			.defined(([, value]) => value !== null)
			.x(([period]) => x(period)!)
			.y(([, value]) => y(value ?? 0))(points);
		const dash = DASHES[index % DASHES.length];
		parts.push(
			`<path d="${path ?? ''}" fill="none" stroke="${SHADES[index % SHADES.length]}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
		);
		for (const [period, value] of points) {
			if (value === null) continue;
			const px = x(period)!;
			const py = y(value);
			parts.push(
				marker(index, px, py),
				`<text x="${px}" y="${py - 9}" text-anchor="middle" fill="${INK}" font-size="11" ${HALO}>${escapeXml(input.format(value))}</text>`
			);
		}
	});
	parts.push('</svg>');

	const headers = [input.periodLabel, ...input.series.map((series) => series.label)];
	if (input.target) headers.push(input.target.label);
	if (input.baseline) headers.push(input.baseline.label);
	return {
		title: input.title,
		description: input.description,
		svg: parts.join(''),
		width,
		height,
		table: {
			caption: input.title,
			headers,
			rows: input.periods.map((label, period) => {
				const values: (number | null)[] = input.series.map(
					(series) => series.values[period] ?? null
				);
				if (input.target) values.push(input.target.value);
				if (input.baseline) values.push(input.baseline.value);
				return { label, values, cells: cellsOf(values, input.format) };
			})
		}
	};
}
