import { Marked, type Tokens } from 'marked';

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Restricted Markdown: paragraphs, emphasis, lists, headings, links. Raw HTML is shown as text
 * and links other than http(s), mailto and tel are dropped, so stored text can never run script.
 */
const markdown = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
		image: ({ text }: Tokens.Image) => escapeHtml(text),
		link({ href, tokens }: Tokens.Link) {
			const label = this.parser.parseInline(tokens);
			if (!SAFE_LINK.test(href.trim())) return label;
			return `<a href="${escapeHtml(href.trim())}" rel="nofollow noopener noreferrer">${label}</a>`;
		},
		heading({ tokens, depth }: Tokens.Heading) {
			// Content headings sit below the page's own h1.
			const level = Math.min(6, Math.max(2, depth));
			return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
		}
	}
});

export function renderMarkdown(source: string): string {
	return markdown.parse(source) as string;
}
