import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/messages';
import type { OfferCard as Card } from '$lib/server/search/search.service';
import type { QueryUnderstanding } from '$lib/server/search/understanding';
import OfferCard from './OfferCard.svelte';
import SearchUnderstanding from './SearchUnderstanding.svelte';

const text = (html: string) =>
	html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

const understanding: QueryUnderstanding = {
	parts: [
		{ kind: 'concept', key: 'german-course', label: 'Deutschkurs' },
		{ kind: 'word', text: 'abends' },
		{ kind: 'place', name: 'Kappeln' }
	],
	corrections: [{ from: 'deutschkurz', to: 'deutschkurs' }],
	suggestion: 'deutschkurs abends kappeln',
	droppedWords: ['xyz']
};

describe('SearchUnderstanding', () => {
	it('says what was searched for, offers the corrected words and names the words left out', () => {
		const { body } = render(SearchUnderstanding, {
			props: { t: translator('de'), understanding, suggestionHref: '?q=deutschkurs+abends+kappeln' }
		});
		expect(text(body)).toContain('Gesucht nach: Deutschkurs · abends · Kappeln');
		expect(body).toContain(
			'<a href="?q=deutschkurs+abends+kappeln">Meinten Sie „deutschkurs abends kappeln“?</a>'
		);
		expect(text(body)).toContain('Ohne „xyz“ gesucht – dazu gab es nichts.');
	});

	it('shows nothing when there is nothing to say', () => {
		const { body } = render(SearchUnderstanding, {
			props: {
				t: translator('tr'),
				understanding: { parts: [], corrections: [], suggestion: null, droppedWords: [] },
				suggestionHref: null
			}
		});
		expect(text(body)).toBe('');
	});
});

const card: Card = {
	id: 1,
	slug: 'deutschkurs',
	title: { text: 'Deutschkurs', lang: 'de', fallback: false, status: 'source' },
	summary: { text: 'Deutsch lernen.', lang: 'de', fallback: false, status: 'source' },
	organisationName: 'VHS Kappeln',
	placeName: 'Kappeln',
	districtName: 'Kreis Schleswig-Flensburg',
	online: false,
	free: true,
	nextStartsAt: null,
	byAppointment: false,
	distanceKm: 1.2,
	lastVerifiedAt: '2026-11-01T00:00:00Z',
	reasons: ['inYourLanguage', 'near', 'soon', 'free'],
	actionFields: ['language'],
	targetGroups: [],
	languages: ['de', 'tr']
} as unknown as Card;

describe('OfferCard', () => {
	it('names the ranking reasons, the free one only once beside the cost tag', () => {
		const { body } = render(OfferCard, { props: { offer: card, t: translator('de') } });
		const reasons = body.match(/<ul class="tags reasons"[^>]*>(.*?)<\/ul>/s)!;
		expect(reasons[0]).toContain('aria-label="Darum steht dieses Angebot weit oben"');
		expect(text(reasons[1]!)).toBe('In Ihrer Sprache In der Nähe Bald');
		expect(body.match(/Kostenlos/g)).toHaveLength(1);
	});

	it('shows a free reason where the card has no cost tag, and no list without reasons', () => {
		const paid = render(OfferCard, {
			props: { offer: { ...card, free: false, reasons: ['free'] }, t: translator('tr') }
		}).body;
		expect(text(paid.match(/<ul class="tags reasons"[^>]*>(.*?)<\/ul>/s)![1]!)).toBe('Ücretsiz');
		const plain = render(OfferCard, {
			props: { offer: { ...card, reasons: [] }, t: translator('tr') }
		}).body;
		expect(plain).not.toContain('reasons');
	});
});
