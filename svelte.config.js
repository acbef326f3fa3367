import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// The generated tsconfig covers src/ and tests/ only; `npm run check` type-checks the
		// benchmark and the command-line scripts too, which tsx runs without checking.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../bench/**/*.ts', '../scripts/**/*.ts');
				// A browser script shipped as written (no build step), checked by ESLint only, as it
				// was in static/.
				tsconfig.exclude.push('../src/lib/assets/enhance.js');
			}
		},
		// Absolute asset paths: pages render without client routing at any depth.
		paths: { relative: false },
		// Pages are server-rendered and ship no framework JS; enhance.js is self-hosted.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
