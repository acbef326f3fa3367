/**
 * A document as a neutral sequence of blocks, so that one content is laid out alike as DOCX
 * (`document-docx.ts`) and as PDF (`document-pdf.ts`). It knows nothing of what it holds.
 */

/** A piece of text with its emphasis, as DOCX runs and PDF text chunks need it. */
export interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
}

export type DocumentBlock =
	/** Levels 1 and 2 structure the document; level 3 is a heading inside running text. */
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| { kind: 'paragraph'; runs: Run[] }
	/** A list item; `number` makes it a numbered one, `depth` nests it (0 is the outermost). */
	| { kind: 'bullet'; runs: Run[]; depth: number; number?: number }
	/** Label–value pairs, such as the date and place of a meeting. */
	| { kind: 'facts'; rows: [label: string, value: string][] }
	/** A table of text cells under a header row. */
	| { kind: 'table'; header: string[]; rows: string[][] }
	/** What follows starts on a new page, such as the body after a summary page. */
	| { kind: 'pageBreak' }
	/** A chart as a picture under its title, with its numbers as a table below for every reader. */
	| {
			kind: 'chart';
			title: string;
			/** What the chart shows, in a sentence: the picture's alternative text. */
			description: string;
			png: Uint8Array;
			/** The size the chart was laid out for; the documents scale it to the text width. */
			width: number;
			height: number;
			header: string[];
			rows: string[][];
	  };

export type ChartBlock = Extract<DocumentBlock, { kind: 'chart' }>;

export interface DocumentModel {
	title: string;
	/** For the document's metadata; the PDF also prints it in every page footer. */
	subject: string;
	/** Language of the text (a BCP 47 tag such as `de`), for the document's metadata. */
	language: string;
	/** File name without extension, ASCII only. */
	fileName: string;
	blocks: DocumentBlock[];
}

export type DocumentFormat = 'docx' | 'pdf';

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf'
};
