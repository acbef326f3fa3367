import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
	it('renders paragraphs, emphasis and lists', () => {
		const html = renderMarkdown('Hallo **Welt**\n\n- eins\n- zwei');
		expect(html).toContain('<strong>Welt</strong>');
		expect(html).toContain('<li>eins</li>');
	});

	it('shows raw HTML as text', () => {
		const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).toContain('&#60;script&#62;');
	});

	it('drops javascript: links but keeps their text', () => {
		const html = renderMarkdown('[klick](javascript:alert(1)) [ok](https://example.org)');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('klick');
		expect(html).toContain('href="https://example.org"');
	});

	it('moves headings below the page title', () => {
		expect(renderMarkdown('# Titel')).toContain('<h2>Titel</h2>');
	});
});
