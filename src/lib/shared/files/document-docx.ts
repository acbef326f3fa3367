import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	PageBreak,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { ChartBlock, DocumentBlock, DocumentModel, Run } from './document.js';

const FONT = 'Calibri';
const NUMBERED = 'numbered';
const HEADINGS = {
	1: HeadingLevel.HEADING_1,
	2: HeadingLevel.HEADING_2,
	3: HeadingLevel.HEADING_3
} as const;

/** Runs as Word text runs; a line break inside a run becomes a Word line break. */
function textRuns(runs: Run[]): TextRun[] {
	return runs.flatMap((run) =>
		run.text.split('\n').map(
			(text, index) =>
				new TextRun({
					text,
					bold: run.bold,
					italics: run.italic,
					break: index > 0 ? 1 : undefined
				})
		)
	);
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RULE = { style: BorderStyle.SINGLE, size: 2, color: 'DDDDDD' };

function factsTable(rows: [string, string][]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		columnWidths: [2400, 6600],
		borders: {
			top: NO_BORDER,
			bottom: NO_BORDER,
			left: NO_BORDER,
			right: NO_BORDER,
			insideHorizontal: RULE,
			insideVertical: NO_BORDER
		},
		rows: rows.map(
			([label, value]) =>
				new TableRow({
					children: [
						new TableCell({
							width: { size: 27, type: WidthType.PERCENTAGE },
							children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })]
						}),
						new TableCell({
							width: { size: 73, type: WidthType.PERCENTAGE },
							children: [new Paragraph({ children: [new TextRun(value)] })]
						})
					]
				})
		)
	});
}

const cell = (text: string, bold?: boolean) =>
	new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** A grid of equal columns whose header row repeats on every page. */
function table(header: string[], rows: string[][]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		columnWidths: header.map(() => Math.floor(9000 / header.length)),
		borders: {
			top: RULE,
			bottom: RULE,
			left: RULE,
			right: RULE,
			insideHorizontal: RULE,
			insideVertical: RULE
		},
		rows: [
			new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
			...rows.map(
				(row) => new TableRow({ children: header.map((_, index) => cell(row[index] ?? '')) })
			)
		]
	});
}

// The text width of an A4 page with Word's default margins, in the pixels ImageRun measures in.
const TEXT_WIDTH_PX = 600;

function chart(item: ChartBlock): (Paragraph | Table)[] {
	const scale = Math.min(1, TEXT_WIDTH_PX / item.width);
	return [
		new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(item.title)] }),
		new Paragraph({
			children: [
				new ImageRun({
					type: 'png',
					data: item.png,
					transformation: {
						width: Math.round(item.width * scale),
						height: Math.round(item.height * scale)
					},
					altText: { name: item.title, title: item.title, description: item.description }
				})
			],
			spacing: { after: 120 }
		}),
		table(item.header, item.rows)
	];
}

function block(item: DocumentBlock): (Paragraph | Table)[] {
	if (item.kind === 'chart') return chart(item);
	if (item.kind === 'pageBreak') return [new Paragraph({ children: [new PageBreak()] })];
	return [singleBlock(item)];
}

function singleBlock(
	item: Exclude<DocumentBlock, ChartBlock | { kind: 'pageBreak' }>
): Paragraph | Table {
	switch (item.kind) {
		case 'heading':
			return new Paragraph({ heading: HEADINGS[item.level], children: [new TextRun(item.text)] });
		case 'facts':
			return factsTable(item.rows);
		case 'table':
			return table(item.header, item.rows);
		case 'bullet':
			return new Paragraph({
				children: textRuns(item.runs),
				...(item.number === undefined
					? { bullet: { level: Math.min(item.depth, 8) } }
					: { numbering: { reference: NUMBERED, level: Math.min(item.depth, 8) } })
			});
		case 'paragraph':
			return new Paragraph({ children: textRuns(item.runs), spacing: { after: 120 } });
	}
}

/** A Word document (Office Open XML) with real headings, lists and tables. */
export async function documentDocx(document: DocumentModel): Promise<Buffer> {
	const docx = new Document({
		creator: 'KITZ',
		title: document.title,
		subject: document.subject,
		styles: {
			default: { document: { run: { font: FONT, size: 22 } } }
		},
		numbering: {
			config: [
				{
					reference: NUMBERED,
					levels: Array.from({ length: 9 }, (_, level) => ({
						level,
						format: LevelFormat.DECIMAL,
						text: `%${level + 1}.`,
						alignment: AlignmentType.START,
						style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
					}))
				}
			]
		},
		sections: [
			{
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
					...document.blocks.flatMap(block)
				]
			}
		]
	});
	return Packer.toBuffer(docx);
}
