import { direction, type Locale } from '../../i18n/locales.js';
import { translator, type MessageKey } from '../../i18n/messages.js';
import styles from '../../assets/styles.css?url';
import { apiError } from '../api/http.js';

const escape = (text: string) =>
	text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

/** This page only needs the stylesheet; no SvelteKit page rendered it, so it brings its own CSP. */
const PAGE_POLICY =
	"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * A 400 answered before any route runs: a plain page in the visitor's language, or the API's
 * JSON error. `messageKey` says what was wrong; nothing is logged, as nothing went wrong here.
 */
export function badRequest(locale: Locale, messageKey: MessageKey, api: boolean): Response {
	if (api)
		return apiError(
			400,
			'bad_request',
			'The request contains a control character (such as a NUL byte), which no parameter accepts, or a form that cannot be read.'
		);
	const t = translator(locale);
	const html = `<!doctype html>
<html lang="${locale}" dir="${direction(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('error.title'))} – ${escape(t('site.name'))}</title>
<link rel="stylesheet" href="${styles}">
</head>
<body><div class="app"><main id="main" class="error-page">
<h1>${escape(t('error.title'))}</h1>
<p>${escape(t(messageKey))}</p>
<p><a href="/${locale}">${escape(t('error.home'))}</a></p>
</main></div></body>
</html>
`;
	return new Response(html, {
		status: 400,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			'content-security-policy': PAGE_POLICY
		}
	});
}
