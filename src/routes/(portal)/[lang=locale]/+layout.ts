import { translator } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

// The portal is plain server-rendered HTML: no framework JavaScript for visitors' phones.
export const csr = false;

export const load: LayoutLoad = ({ data }) => ({ ...data, t: translator(data.locale) });
