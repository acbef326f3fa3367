// Starts the built app. Without ORIGIN, adapter-node assumes https and refuses form posts
// (CSRF check) on a plain http://localhost, so the local default is stated here.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;
// Imports upload spreadsheets of up to 5 MB; adapter-node's own default stops at 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';
await import('../build/index.js');
