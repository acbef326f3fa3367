import type { ChartBlock } from '../files/document.js';
import type { Chart } from './chart.js';
import { chartPng } from './chart-png.js';

/** A chart for the DOCX and PDF documents: the same SVG as a PNG, with its table's numbers. */
export function chartBlock(chart: Chart): ChartBlock {
	return {
		kind: 'chart',
		title: chart.title,
		description: chart.description,
		png: chartPng(chart.svg, chart.width),
		width: chart.width,
		height: chart.height,
		header: chart.table.headers,
		rows: chart.table.rows.map((row) => [row.label, ...row.cells])
	};
}
