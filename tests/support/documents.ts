import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a DOCX's main part (word/document.xml), XML tags replaced by spaces. */
export async function docxText(file: Uint8Array): Promise<{ xml: string; text: string }> {
	const zip = await JSZip.loadAsync(file);
	const part = zip.file('word/document.xml');
	if (!part) throw new Error('word/document.xml is missing');
	const xml = await part.async('string');
	const text = xml
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/\s+/g, ' ');
	return { xml, text };
}

/** The text of every page of a PDF, as a reader's text layer extracts it. */
export async function pdfText(file: Uint8Array): Promise<{ pages: number; text: string }> {
	const pdf = await getDocument({
		data: new Uint8Array(file),
		isEvalSupported: false,
		useSystemFonts: false,
		disableFontFace: true,
		verbosity: 0
	}).promise;
	const texts: string[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const content = await (await pdf.getPage(number)).getTextContent();
		texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	await pdf.destroy();
	return { pages: pdf.numPages, text: texts.join('\n').replace(/\s+/g, ' ') };
}
