import { Lexer, type Token, type Tokens } from 'marked';
import type { DocumentBlock, Run } from './document.js';

/** The blocks Markdown turns into: its headings sit inside running text (level 3). */
export type MarkdownBlock = Extract<DocumentBlock, { kind: 'heading' | 'paragraph' | 'bullet' }>;

type Emphasis = Pick<Run, 'bold' | 'italic'>;

function inline(tokens: Token[] | undefined, emphasis: Emphasis = {}): Run[] {
	const runs: Run[] = [];
	for (const token of tokens ?? []) {
		switch (token.type) {
			case 'strong':
				runs.push(...inline((token as Tokens.Strong).tokens, { ...emphasis, bold: true }));
				break;
			case 'em':
				runs.push(...inline((token as Tokens.Em).tokens, { ...emphasis, italic: true }));
				break;
			case 'link': {
				const link = token as Tokens.Link;
				runs.push(...inline(link.tokens, emphasis));
				// Only the addresses the web view would link; the text stays either way.
				if (/^(https?:|mailto:|tel:)/i.test(link.href) && link.href !== link.text)
					runs.push({ text: ` (${link.href})`, ...emphasis });
				break;
			}
			case 'br':
				runs.push({ text: '\n', ...emphasis });
				break;
			case 'text':
			case 'del': {
				const nested = (token as Tokens.Text).tokens;
				if (nested?.length) runs.push(...inline(nested, emphasis));
				else runs.push({ text: (token as Tokens.Text).text, ...emphasis });
				break;
			}
			case 'escape':
			case 'codespan':
			case 'html':
				runs.push({ text: (token as Tokens.Codespan).text, ...emphasis });
				break;
			default:
				if ('text' in token && typeof token.text === 'string')
					runs.push({ text: token.text, ...emphasis });
		}
	}
	return runs;
}

function list(token: Tokens.List, depth: number): MarkdownBlock[] {
	const blocks: MarkdownBlock[] = [];
	token.items.forEach((item, index) => {
		const number = token.ordered ? Number(token.start || 1) + index : undefined;
		const runs: Run[] = [];
		const nested: MarkdownBlock[] = [];
		for (const child of item.tokens) {
			if (child.type === 'list') nested.push(...list(child as Tokens.List, depth + 1));
			else if (child.type === 'paragraph') runs.push(...inline((child as Tokens.Paragraph).tokens));
			else if (child.type === 'text') runs.push(...inline([child]));
		}
		blocks.push({ kind: 'bullet', runs, depth, number }, ...nested);
	});
	return blocks;
}

/**
 * Restricted Markdown as blocks for the DOCX and PDF documents: the same subset the web view
 * shows (paragraphs, emphasis, lists, headings, links). Raw HTML stays literal text.
 */
export function markdownBlocks(source: string): MarkdownBlock[] {
	const blocks: MarkdownBlock[] = [];
	for (const token of new Lexer({ gfm: true }).lex(source)) {
		switch (token.type) {
			case 'heading':
				blocks.push({ kind: 'heading', level: 3, text: (token as Tokens.Heading).text });
				break;
			case 'paragraph':
				blocks.push({ kind: 'paragraph', runs: inline((token as Tokens.Paragraph).tokens) });
				break;
			case 'list':
				blocks.push(...list(token as Tokens.List, 0));
				break;
			case 'blockquote':
				for (const inner of markdownBlocks((token as Tokens.Blockquote).text))
					blocks.push(
						inner.kind === 'heading'
							? inner
							: { ...inner, runs: inner.runs.map((run) => ({ ...run, italic: true })) }
					);
				break;
			case 'space':
			case 'hr':
				break;
			default:
				if ('text' in token && typeof token.text === 'string' && token.text.trim())
					blocks.push({ kind: 'paragraph', runs: [{ text: token.text }] });
		}
	}
	return blocks;
}
