// Starts the built app. Without ORIGIN, adapter-node assumes https and refuses form posts
// (CSRF check) on a plain http://localhost, so the local default is stated here.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;
await import('../build/index.js');
