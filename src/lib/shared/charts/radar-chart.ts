import {
	cellsOf,
	chartId,
	escapeXml,
	fitLabel,
	GRID,
	HALO,
	INK,
	legend,
	svgOpen,
	type Chart,
	type ChartText,
	type NumberFormat,
	type Series
} from './chart.js';

export interface RadarChartInput extends ChartText {
	/** Unique on the page: it prefixes the ids of the title and description. */
	id: string;
	/** Header of the table's first column, such as "Dimension". */
	axisLabel: string;
	/** One spoke per axis, clockwise from the top; at least three. */
	axes: readonly string[];
	/** Each series has one value per axis (null where it has none). */
	series: readonly Series[];
	/** The scale runs from 0 to this value, with a ring at each whole step. */
	max: number;
	format: NumberFormat;
	width?: number;
	height?: number;
}

// As in the line chart: series differ by dash and marker as well as shade, for greyscale prints.
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];
const SHADES = [INK, '#4d4d4d', '#6e6e6e', '#333333'];

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

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Values of one or more series on spokes around a centre (a radar or spider chart), such as a
 * self-assessment's scores per dimension. Rings mark each step of the scale; a series without a
 * value on a spoke leaves a gap in its outline rather than pretending zero.
 */
export function radarChart(input: RadarChartInput): Chart {
	const id = chartId(input.id);
	const width = input.width ?? 640;
	const height = input.height ?? 520;
	const pad = 8;
	const legendBlock = legend(
		input.series.map((series, index) => ({
			label: series.label,
			swatch:
				`<line x1="0" x2="16" y1="0" y2="0" stroke="${SHADES[index % SHADES.length]}" stroke-width="2"${DASHES[index % DASHES.length] ? ` stroke-dasharray="${DASHES[index % DASHES.length]}"` : ''}/>` +
				marker(index, 8, 0)
		})),
		pad,
		pad + 8,
		width - 2 * pad
	);
	const top = pad + legendBlock.height + 12;
	const cx = width / 2;
	const cy = top + (height - top) / 2;
	// Room for the axis labels around the outer ring.
	const radius = Math.min(width / 2 - 130, (height - top) / 2 - 36);
	const max = input.max > 0 ? input.max : 1;
	const angle = (axis: number) => -Math.PI / 2 + (2 * Math.PI * axis) / input.axes.length;
	const point = (axis: number, value: number) => {
		const r = (Math.max(0, Math.min(value, max)) / max) * radius;
		return [round(cx + r * Math.cos(angle(axis))), round(cy + r * Math.sin(angle(axis)))] as const;
	};

	const parts: string[] = [svgOpen(id, input, width, height), legendBlock.markup];
	for (let step = 1; step <= Math.ceil(max); step++) {
		const ring = input.axes.map((_, axis) => point(axis, step).join(',')).join(' ');
		parts.push(`<polygon points="${ring}" fill="none" stroke="${GRID}" stroke-width="1"/>`);
		const [, y] = point(0, step);
		parts.push(
			`<text x="${cx + 4}" y="${y + 12}" fill="${INK}" font-size="10">${escapeXml(input.format(step))}</text>`
		);
	}
	input.axes.forEach((label, axis) => {
		const [x, y] = point(axis, max);
		parts.push(
			`<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="${GRID}" stroke-width="1"/>`
		);
		const cos = Math.cos(angle(axis));
		const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
		const lx = round(cx + (radius + 10) * cos);
		const ly = round(cy + (radius + 16) * Math.sin(angle(axis)) + 4);
		parts.push(
			`<text x="${lx}" y="${ly}" text-anchor="${anchor}" fill="${INK}" font-size="11">${escapeXml(fitLabel(label, 30))}</text>`
		);
	});

	input.series.forEach((series, index) => {
		const shade = SHADES[index % SHADES.length]!;
		const dash = DASHES[index % DASHES.length];
		const points = series.values.map((value, axis) => (value === null ? null : point(axis, value)));
		const closed = points.every((p) => p !== null);
		const outline = points
			.map((p, axis) => (p ? `${axis > 0 && points[axis - 1] ? 'L' : 'M'}${p.join(',')}` : ''))
			.filter(Boolean)
			.join(' ');
		parts.push(
			`<path d="${outline}${closed ? ' Z' : ''}" fill="none" stroke="${shade}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
		);
		points.forEach((p, axis) => {
			if (!p) return;
			parts.push(
				marker(index, p[0], p[1]),
				`<text x="${p[0]}" y="${p[1] - 8 - index * 12}" text-anchor="middle" fill="${INK}" font-size="11" ${HALO}>${escapeXml(input.format(series.values[axis]!))}</text>`
			);
		});
	});
	parts.push('</svg>');

	return {
		title: input.title,
		description: input.description,
		svg: parts.join(''),
		width,
		height,
		table: {
			caption: input.title,
			headers: [input.axisLabel, ...input.series.map((series) => series.label)],
			rows: input.axes.map((label, axis) => {
				const values = input.series.map((series) => series.values[axis] ?? null);
				return { label, values, cells: cellsOf(values, input.format) };
			})
		}
	};
}
