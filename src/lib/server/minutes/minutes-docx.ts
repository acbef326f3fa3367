import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { DocumentBlock, MinutesDocument, Run } from './minutes-document.js';

const FONT = 'Calibri';
const NUMBERED = 'minutes-numbered';

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

function factsTable(rows: [string, string][]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		columnWidths: [2400, 6600],
		borders: {
			top: NO_BORDER,
			bottom: NO_BORDER,
			left: NO_BORDER,
			right: NO_BORDER,
			insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'DDDDDD' },
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

function block(item: DocumentBlock): Paragraph | Table {
	switch (item.kind) {
		case 'heading':
			return new Paragraph({
				heading: item.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
				children: [new TextRun(item.text)]
			});
		case 'subheading':
			return new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(item.text)] });
		case 'facts':
			return factsTable(item.rows);
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

/** The minutes as a Word document (Office Open XML), with real headings, lists and a facts table. */
export async function minutesDocx(document: MinutesDocument): Promise<Buffer> {
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
					...document.blocks.map(block)
				]
			}
		]
	});
	return Packer.toBuffer(docx);
}
