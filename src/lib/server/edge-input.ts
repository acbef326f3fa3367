/**
 * Input no page, API or database can use, refused before any route runs: PostgreSQL text cannot
 * hold a NUL byte, and no slug, id, token or filter of ours holds a control character.
 */

/** C0 controls and DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A percent escape that decodes to one: UTF-8 never uses these bytes inside a longer character. */
const ESCAPED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
/** Query values may carry pasted text: tab and line breaks pass, the other controls do not. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when the path or a query parameter, decoded, holds a control character. */
export function urlHasControlCharacters(url: URL): boolean {
	if (CONTROL.test(url.pathname) || ESCAPED_CONTROL.test(url.pathname)) return true;
	for (const [name, value] of url.searchParams)
		if (CONTROL.test(name) || CONTROL_IN_TEXT.test(value)) return true;
	return false;
}

const FORM = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * True when a posted form has a NUL byte in a field name or text value (files may hold any
 * bytes). Reads a copy of the body, so the route still reads the original.
 */
export async function formHasNul(request: Request): Promise<boolean> {
	if (!FORM.test(request.headers.get('content-type') ?? '')) return false;
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		// A body that is no form (or too large) is refused by the route as before.
		return false;
	}
	for (const [name, value] of form)
		if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return true;
	return false;
}
