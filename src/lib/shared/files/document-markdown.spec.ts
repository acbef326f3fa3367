import { describe, expect, it } from 'vitest';
import { markdownBlocks } from './document-markdown.js';

describe('Markdown for documents', () => {
	it('keeps paragraphs, emphasis, lists and headings', () => {
		expect(
			markdownBlocks(
				'## Bericht\n\nEin **fetter** und *kursiver* Satz.\n\n- eins\n  - zwei\n\n3. drei'
			)
		).toEqual([
			{ kind: 'heading', level: 3, text: 'Bericht' },
			{
				kind: 'paragraph',
				runs: [
					{ text: 'Ein ' },
					{ text: 'fetter', bold: true },
					{ text: ' und ' },
					{ text: 'kursiver', italic: true },
					{ text: ' Satz.' }
				]
			},
			{ kind: 'bullet', depth: 0, number: undefined, runs: [{ text: 'eins' }] },
			{ kind: 'bullet', depth: 1, number: undefined, runs: [{ text: 'zwei' }] },
			{ kind: 'bullet', depth: 0, number: 3, runs: [{ text: 'drei' }] }
		]);
	});

	it('shows raw HTML as text and names only safe link targets', () => {
		const [html, links] = markdownBlocks(
			'<b>fett?</b> nein\n\n[Seite](https://example.org) und [böse](javascript:alert(1))'
		);
		expect(html).toEqual({
			kind: 'paragraph',
			runs: [{ text: '<b>' }, { text: 'fett?' }, { text: '</b>' }, { text: ' nein' }]
		});
		expect(links!.kind === 'paragraph' && links!.runs.map((run) => run.text).join('')).toBe(
			'Seite (https://example.org) und böse'
		);
	});
});
