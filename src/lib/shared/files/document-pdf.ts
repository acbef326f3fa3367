import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ChartBlock, DocumentBlock, DocumentModel, Run } from './document.js';

type Pdf = InstanceType<typeof PDFDocument>;

const FONT_FILES = {
	regular: 'DejaVuSans.ttf',
	bold: 'DejaVuSans-Bold.ttf',
	italic: 'DejaVuSans-Oblique.ttf',
	boldItalic: 'DejaVuSans-BoldOblique.ttf'
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;

/** DejaVu Sans, embedded (subset) in every PDF: umlauts, ß and most scripts without any download. */
function loadFonts(): Record<FontName, Buffer> {
	if (fonts) return fonts;
	const require = createRequire(import.meta.url);
	fonts = Object.fromEntries(
		Object.entries(FONT_FILES).map(([name, file]) => [
			name,
			readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))
		])
	) as Record<FontName, Buffer>;
	return fonts;
}

const MARGIN = 56;
const TEXT = '#1a1a1a';
const MUTED = '#555555';

const fontOf = (run: Pick<Run, 'bold' | 'italic'>): FontName =>
	run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';

function runs(pdf: Pdf, parts: Run[], x: number, width: number, size = 10.5) {
	const visible = parts.length ? parts : [{ text: '' }];
	pdf.x = x;
	visible.forEach((run, index) => {
		pdf
			.font(fontOf(run))
			.fontSize(size)
			.fillColor(TEXT)
			.text(run.text, { width, continued: index < visible.length - 1, lineGap: 2 });
	});
}

function ensureSpace(pdf: Pdf, height: number) {
	if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function facts(pdf: Pdf, rows: [string, string][], width: number) {
	const labelWidth = 135;
	for (const [label, value] of rows) {
		ensureSpace(pdf, 30);
		const top = pdf.y;
		pdf.font('bold').fontSize(10).fillColor(MUTED).text(label, MARGIN, top, { width: labelWidth });
		const afterLabel = pdf.y;
		pdf
			.font('regular')
			.fontSize(10.5)
			.fillColor(TEXT)
			.text(value, MARGIN + labelWidth + 10, top, { width: width - labelWidth - 10, lineGap: 2 });
		pdf.y = Math.max(afterLabel, pdf.y) + 4;
	}
	pdf.x = MARGIN;
	pdf.moveDown(0.5);
}

const CELL_PADDING = 4;
const CELL_SIZE = 9.5;

/**
 * Column widths: each at least as wide as its longest word where the page allows, the rest shared
 * by how much text a column holds, so numbers stay narrow and names are not broken mid-word.
 */
function columnWidths(pdf: Pdf, header: string[], lines: string[][], width: number): number[] {
	const measure = (text: string, font: FontName) =>
		pdf.font(font).fontSize(CELL_SIZE).widthOfString(text) + 2 * CELL_PADDING;
	const columns = header.map((label, index) => [
		{ text: label, font: 'bold' as FontName },
		...lines.map((cells) => ({ text: cells[index]!, font: 'regular' as FontName }))
	]);
	const least = columns.map((cells) =>
		Math.max(...cells.flatMap(({ text, font }) => text.split(/\s+/).map((w) => measure(w, font))))
	);
	const wanted = columns.map((cells, index) =>
		Math.min(width, Math.max(least[index]!, ...cells.map(({ text, font }) => measure(text, font))))
	);
	const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
	if (total(wanted) <= width) return wanted.map((value) => (value * width) / total(wanted));
	if (total(least) >= width) return least.map((value) => (value * width) / total(least));
	const room = width - total(least);
	const extra = total(wanted) - total(least);
	return least.map((value, index) => value + (room * (wanted[index]! - value)) / extra);
}

/** A grid of columns; a row that does not fit starts a new page under a repeated header. */
function table(pdf: Pdf, header: string[], rows: string[][], width: number) {
	const lines = rows.map((row) => header.map((_, index) => row[index] ?? ''));
	const widths = columnWidths(pdf, header, lines, width);
	const lefts = widths.map(
		(_, index) => MARGIN + widths.slice(0, index).reduce((a, b) => a + b, 0)
	);
	const height = (cells: string[], font: FontName) =>
		Math.max(
			...cells.map((text, index) =>
				pdf
					.font(font)
					.fontSize(CELL_SIZE)
					.heightOfString(text, { width: widths[index]! - 2 * CELL_PADDING, lineGap: 1 })
			)
		) +
		2 * CELL_PADDING;
	const draw = (cells: string[], font: FontName, rowHeight: number) => {
		const top = pdf.y;
		cells.forEach((text, index) => {
			const x = lefts[index]!;
			const columnWidth = widths[index]!;
			if (font === 'bold') pdf.rect(x, top, columnWidth, rowHeight).fill('#eeeeee');
			pdf.rect(x, top, columnWidth, rowHeight).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
			pdf
				.font(font)
				.fontSize(CELL_SIZE)
				.fillColor(TEXT)
				.text(text, x + CELL_PADDING, top + CELL_PADDING, {
					width: columnWidth - 2 * CELL_PADDING,
					lineGap: 1
				});
		});
		pdf.y = top + rowHeight;
	};
	const bottom = () => pdf.page.height - pdf.page.margins.bottom;
	const headerHeight = height(header, 'bold');
	const firstHeight = lines[0] ? height(lines[0], 'regular') : 0;
	ensureSpace(pdf, headerHeight + firstHeight);
	draw(header, 'bold', headerHeight);
	for (const cells of lines) {
		const rowHeight = height(cells, 'regular');
		if (pdf.y + rowHeight > bottom()) {
			pdf.addPage();
			draw(header, 'bold', headerHeight);
		}
		draw(cells, 'regular', rowHeight);
	}
	pdf.x = MARGIN;
	pdf.moveDown(0.5);
}

/** The chart's title, its picture scaled to the text width, and its numbers as a table. */
function chart(pdf: Pdf, item: ChartBlock, width: number) {
	const imageWidth = Math.min(width, item.width);
	const imageHeight = (item.height * imageWidth) / item.width;
	ensureSpace(pdf, imageHeight + 40);
	pdf.moveDown(0.3);
	pdf.font('bold').fontSize(10.5).fillColor(TEXT).text(item.title, MARGIN, pdf.y, { width });
	pdf.moveDown(0.3);
	const top = pdf.y;
	pdf.image(Buffer.from(item.png), MARGIN, top, { width: imageWidth, height: imageHeight });
	pdf.y = top + imageHeight + 6;
	table(pdf, item.header, item.rows, width);
}

function block(pdf: Pdf, item: DocumentBlock, width: number) {
	switch (item.kind) {
		case 'chart':
			chart(pdf, item, width);
			break;
		case 'pageBreak':
			pdf.addPage();
			break;
		case 'heading': {
			if (item.level === 3) {
				// Room for the heading and the first lines (or table rows) under it: never alone at the foot.
				ensureSpace(pdf, 70);
				pdf.moveDown(0.3);
				pdf.font('bold').fontSize(10.5).fillColor(TEXT).text(item.text, MARGIN, pdf.y, { width });
				pdf.moveDown(0.2);
				break;
			}
			ensureSpace(pdf, 60);
			pdf.moveDown(item.level === 1 ? 0.8 : 0.5);
			pdf
				.font('bold')
				.fontSize(item.level === 1 ? 14 : 12)
				.fillColor(TEXT)
				.text(item.text, MARGIN, pdf.y, { width });
			if (item.level === 1) {
				const y = pdf.y + 2;
				pdf
					.moveTo(MARGIN, y)
					.lineTo(MARGIN + width, y)
					.lineWidth(0.5)
					.strokeColor('#999999')
					.stroke();
				pdf.y = y + 4;
			}
			pdf.moveDown(0.3);
			break;
		}
		case 'facts':
			facts(pdf, item.rows, width);
			break;
		case 'table':
			table(pdf, item.header, item.rows, width);
			break;
		case 'bullet': {
			ensureSpace(pdf, 20);
			const indent = 14 + item.depth * 14;
			const marker = item.number === undefined ? '•' : `${item.number}.`;
			const top = pdf.y;
			pdf
				.font('regular')
				.fontSize(10.5)
				.fillColor(TEXT)
				.text(marker, MARGIN + indent - 12, top);
			pdf.y = top;
			runs(
				pdf,
				item.runs,
				MARGIN + indent + (item.number === undefined ? 0 : 6),
				width - indent - 6
			);
			pdf.moveDown(0.15);
			break;
		}
		case 'paragraph':
			ensureSpace(pdf, 20);
			runs(pdf, item.runs, MARGIN, width);
			pdf.moveDown(0.5);
			break;
	}
	pdf.x = MARGIN;
}

/** Page numbers in the bottom margin, once all pages exist. */
function numberPages(pdf: Pdf, title: string) {
	const { start, count } = pdf.bufferedPageRange();
	for (let index = start; index < start + count; index++) {
		pdf.switchToPage(index);
		const bottom = pdf.page.margins.bottom;
		pdf.page.margins.bottom = 0;
		pdf
			.font('regular')
			.fontSize(8)
			.fillColor(MUTED)
			.text(`${title} · ${index + 1} / ${count}`, MARGIN, pdf.page.height - 36, {
				width: pdf.page.width - 2 * MARGIN,
				align: 'center',
				lineBreak: false
			});
		pdf.page.margins.bottom = bottom;
	}
}

/** An A4 PDF with embedded fonts; the footer of each page names the subject and the page. */
export async function documentPdf(document: DocumentModel): Promise<Buffer> {
	const pdf = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		bufferPages: true,
		lang: document.language,
		displayTitle: true,
		info: { Title: document.title, Subject: document.subject, Author: 'KITZ', Creator: 'KITZ' }
	});
	for (const [name, data] of Object.entries(loadFonts())) pdf.registerFont(name, data);
	const chunks: Buffer[] = [];
	pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});
	const width = pdf.page.width - 2 * MARGIN;
	pdf.font('bold').fontSize(18).fillColor(TEXT).text(document.title, MARGIN, MARGIN, { width });
	pdf.moveDown(0.6);
	for (const item of document.blocks) block(pdf, item, width);
	numberPages(pdf, document.subject);
	pdf.end();
	return done;
}
