/**
 * A schematic map of the district drawn from points alone: no tiles, no foreign requests. Each
 * point gets its Voronoi cell, cut to a disk around it so the outline follows the settled area
 * instead of filling a rectangle.
 */
import { Delaunay } from 'd3-delaunay';
import { chartId, escapeXml, INK, legend, svgOpen, type Chart, type ChartText } from './chart.js';

export interface MapPoint {
	/** Unique among the points; it orders nothing, the input order is kept. */
	id: string;
	label: string;
	/** Degrees, finite. */
	lat: number;
	lon: number;
	/** The key of one of the map's categories. */
	category: string;
	/** A further line for the cell's tooltip and the table, such as the nearest offer. */
	detail?: string;
}

export interface MapCategory {
	key: string;
	label: string;
}

export interface DistrictMapInput extends ChartText {
	/** Unique on the page: it prefixes the ids of the title, description and hatch pattern. */
	id: string;
	points: readonly MapPoint[];
	/** In legend order, the best first: fills run from dark to light, the last one hatched. */
	categories: readonly MapCategory[];
	/** Headers of the table's columns: the point, its category, and its detail if there is one. */
	columns: { label: string; category: string; detail?: string };
}

const WIDTH = 640;
const MAP_HEIGHT = 440;
const PAD = 8;
const DISK_SIDES = 32;
/** How far a cell reaches around its point, in nearest-neighbour distances (median of all). */
const REACH = 1.6;
/** The least reach as a share of the map's span, so a close pair does not shrink to specks. */
const LEAST_REACH = 0.04;
/** The width of the frame the sites are triangulated in. */
const FRAME = 1000;

// ColorBrewer's "Blues", dark to light: one hue whose steps differ in lightness, so the order
// survives greyscale print and every kind of colour blindness.
const SHADES = [
	'#08306b',
	'#08519c',
	'#2171b5',
	'#4292c6',
	'#6baed6',
	'#9ecae1',
	'#c6dbef',
	'#deebf7'
];

type Point = [number, number];

/** A map of points coloured by category, with the same points as a table. */
export function districtMap(input: DistrictMapInput): Chart {
	const id = chartId(input.id);
	const categoryIndex = new Map(input.categories.map((category, index) => [category.key, index]));
	for (const point of input.points) {
		if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon))
			throw new RangeError(`Point ${point.id} has no finite coordinates`);
		if (!categoryIndex.has(point.category))
			throw new RangeError(`Point ${point.id} has the unknown category ${point.category}`);
	}
	const count = input.categories.length;
	const fills = input.categories.map((_, index) => categoryFill(id, index, count));

	const legendBlock = legend(
		input.categories.map((category, index) => ({
			label: category.label,
			swatch: `<rect x="0" y="-7" width="16" height="14" fill="${fills[index]}" stroke="${INK}" stroke-width="0.5"/>`
		})),
		PAD,
		PAD + 8,
		WIDTH - 2 * PAD
	);
	const top = PAD + legendBlock.height + PAD;
	const height = top + MAP_HEIGHT;

	const parts: string[] = [
		svgOpen(id, input, WIDTH, height),
		count > 1 ? `<defs>${hatchPattern(id, shadeOf(count - 1, count))}</defs>` : '',
		legendBlock.markup,
		'<g stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">'
	];
	const layout = layOut(input.points, {
		x: PAD,
		y: top,
		width: WIDTH - 2 * PAD,
		height: MAP_HEIGHT - PAD
	});
	input.points.forEach((point, index) => {
		const category = categoryIndex.get(point.category)!;
		const name = [`${point.label}: ${input.categories[category]!.label}`, point.detail]
			.filter(Boolean)
			.join(' – ');
		parts.push(
			`<path d="${pathOf(layout.cells[index]!)}" fill="${fills[category]}"><title>${escapeXml(name)}</title></path>`
		);
	});
	parts.push(`</g><g fill="${INK}" stroke="#ffffff" stroke-width="1">`);
	for (const [x, y] of layout.sites)
		parts.push(`<circle cx="${round(x)}" cy="${round(y)}" r="2"/>`);
	parts.push('</g></svg>');

	const headers = [input.columns.label, input.columns.category];
	if (input.columns.detail) headers.push(input.columns.detail);
	return {
		title: input.title,
		description: input.description,
		svg: parts.join(''),
		width: WIDTH,
		height,
		table: {
			caption: input.title,
			headers,
			rows: input.points.map((point) => {
				const cells = [input.categories[categoryIndex.get(point.category)!]!.label];
				if (input.columns.detail) cells.push(point.detail ?? '–');
				return { label: point.label, values: cells.map(() => null), cells };
			})
		}
	};
}

/** Category `index` of `count`: shades spread over the scale, the last (worst) one hatched. */
function shadeOf(index: number, count: number): string {
	const step = count > 1 ? (SHADES.length - 1) / (count - 1) : 0;
	return SHADES[Math.round(index * step)]!;
}

function categoryFill(id: string, index: number, count: number): string {
	return count > 1 && index === count - 1 ? `url(#${id}-worst)` : shadeOf(index, count);
}

function hatchPattern(id: string, shade: string): string {
	return (
		`<pattern id="${id}-worst" width="8" height="8" patternUnits="userSpaceOnUse">` +
		`<rect width="8" height="8" fill="${shade}"/>` +
		`<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="${INK}" stroke-width="1.2"/></pattern>`
	);
}

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Where each point and its cell lie in the box. Points at the same coordinates share one Voronoi
 * site (d3-delaunay gives duplicates no cell) and split its cell into slices like a pie.
 */
function layOut(points: readonly MapPoint[], box: Box): { cells: Point[][]; sites: Point[] } {
	const { sites, siteIndex } = sitesOf(points);
	if (sites.length === 0) return { cells: [], sites: [] };

	const delaunay = Delaunay.from(sites);
	const radius =
		sites.length > 1
			? Math.max(REACH * medianNearest(delaunay, sites), LEAST_REACH * FRAME)
			: FRAME / 2;
	const right = Math.max(...sites.map(([x]) => x)) + radius;
	const bottom = Math.max(...sites.map(([, y]) => y)) + radius;
	const scale = Math.min(box.width / (right + radius), box.height / (bottom + radius));
	const offsetX = box.x + (box.width - (right + radius) * scale) / 2;
	const offsetY = box.y + (box.height - (bottom + radius) * scale) / 2;
	const place = ([x, y]: Point): Point => [
		offsetX + (x + radius) * scale,
		offsetY + (y + radius) * scale
	];

	const voronoi = delaunay.voronoi([-radius, -radius, right, bottom]);
	const siteCells = sites.map((site, index) =>
		cutToDisk(voronoi.cellPolygon(index).slice(0, -1), site, radius)
	);
	// Which slice of its site's pie each point gets, and how many slices each site has.
	const sliceOf: number[] = [];
	const slices = sites.map(() => 0);
	for (const site of siteIndex) {
		sliceOf.push(slices[site]!);
		slices[site] = slices[site]! + 1;
	}
	const cells = siteIndex.map((site, point) => {
		const cell =
			slices[site]! > 1
				? clip(siteCells[site]!, slice(sites[site]!, radius, sliceOf[point]!, slices[site]!))
				: siteCells[site]!;
		return cell.map(place);
	});
	return { cells, sites: siteIndex.map((site) => place(sites[site]!)) };
}

/**
 * The distinct places, projected and moved to a frame from 0 to FRAME units: d3-delaunay's
 * tolerances suit coordinates of that size, while degrees (0.05 apart at 54) break its handling
 * of places in a line.
 */
function sitesOf(points: readonly MapPoint[]): { sites: Point[]; siteIndex: number[] } {
	// Equirectangular, a degree of longitude shortened to its length at the mean latitude; north up.
	const meanLat = points.reduce((sum, point) => sum + point.lat, 0) / Math.max(1, points.length);
	const shrink = Math.cos((meanLat * Math.PI) / 180);
	const siteOf = new Map<string, number>();
	const projected: Point[] = [];
	const siteIndex = points.map((point) => {
		const key = `${point.lon},${point.lat}`;
		if (!siteOf.has(key)) {
			siteOf.set(key, projected.length);
			projected.push([point.lon * shrink, -point.lat]);
		}
		return siteOf.get(key)!;
	});
	const xs = projected.map(([x]) => x);
	const ys = projected.map(([, y]) => y);
	const [left, top] = [Math.min(...xs), Math.min(...ys)];
	const span = Math.max(Math.max(...xs) - left, Math.max(...ys) - top);
	const unit = span > 0 ? FRAME / span : 1;
	return { sites: projected.map(([x, y]) => [(x - left) * unit, (y - top) * unit]), siteIndex };
}

/** The median distance from a site to its nearest neighbour, found among the Delaunay edges. */
function medianNearest(delaunay: Delaunay<Point>, sites: readonly Point[]): number {
	const nearest = sites.map(() => Infinity);
	const link = (from: number, to: number) => {
		// Fewer than three sites come as one triangle that names a site twice.
		if (from === to) return;
		const distance = Math.hypot(sites[to]![0] - sites[from]![0], sites[to]![1] - sites[from]![1]);
		nearest[from] = Math.min(nearest[from]!, distance);
		nearest[to] = Math.min(nearest[to]!, distance);
	};
	const { triangles } = delaunay;
	for (let edge = 0; edge < triangles.length; edge++)
		link(triangles[edge]!, triangles[edge % 3 === 2 ? edge - 2 : edge + 1]!);
	nearest.sort((a, b) => a - b);
	return nearest[Math.floor((nearest.length - 1) / 2)]!;
}

/** The cell within the disk; most cells lie inside it whole and skip the clipping. */
function cutToDisk(cell: Point[], [cx, cy]: Point, radius: number): Point[] {
	const apothem = radius * Math.cos(Math.PI / DISK_SIDES);
	if (cell.every(([x, y]) => (x - cx) ** 2 + (y - cy) ** 2 <= apothem ** 2)) return cell;
	return clip(cell, disk([cx, cy], radius));
}

/** The unit circle's corners, once: the disks differ only in centre and radius. */
const CORNERS = Array.from({ length: DISK_SIDES }, (_, side) => {
	const angle = (2 * Math.PI * side) / DISK_SIDES;
	return [Math.cos(angle), Math.sin(angle)] as const;
});

/** A regular polygon inside the circle, so a cell clipped to it stays within the map's padding. */
function disk([cx, cy]: Point, radius: number): Point[] {
	return CORNERS.map(([cos, sin]) => [cx + radius * cos, cy + radius * sin]);
}

/** Slice `index` of `count` around a site, wide enough to cover the disk (convex: count ≥ 2). */
function slice([cx, cy]: Point, radius: number, index: number, count: number): Point[] {
	const at = (angle: number): Point => [
		cx + 2 * radius * Math.cos(angle),
		cy + 2 * radius * Math.sin(angle)
	];
	const from = -Math.PI / 2 + (2 * Math.PI * index) / count;
	const to = from + (2 * Math.PI) / count;
	return [[cx, cy], at(from), at((from + to) / 2), at(to)];
}

/**
 * Sutherland–Hodgman: the part of `subject` inside the convex polygon `window`, whose vertices
 * run the way the angle grows (from +x towards +y), as `disk` and `slice` build them.
 */
function clip(subject: Point[], window: readonly Point[]): Point[] {
	let output = subject;
	for (let edge = 0; edge < window.length && output.length; edge++) {
		const a = window[edge]!;
		const b = window[(edge + 1) % window.length]!;
		// A cell crosses few of a disk's edges; the others need no new array.
		if (output.every((point) => side(a, b, point) >= 0)) continue;
		const input = output;
		output = [];
		let previous = input[input.length - 1]!;
		let previousSide = side(a, b, previous);
		for (const current of input) {
			const currentSide = side(a, b, current);
			if (currentSide >= 0 !== previousSide >= 0) {
				const t = previousSide / (previousSide - currentSide);
				output.push([
					previous[0] + t * (current[0] - previous[0]),
					previous[1] + t * (current[1] - previous[1])
				]);
			}
			if (currentSide >= 0) output.push(current);
			previous = current;
			previousSide = currentSide;
		}
	}
	return output;
}

/** Positive where `point` lies on the window's side of the edge from `a` to `b`. */
function side([ax, ay]: Point, [bx, by]: Point, [x, y]: Point): number {
	return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
}

function pathOf(cell: readonly Point[]): string {
	return cell.length ? `M${cell.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z` : '';
}

/** A tenth of a pixel is finer than any screen or print shows, and keeps the SVG small. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}
