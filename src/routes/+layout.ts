// Pages are plain server-rendered HTML without framework JavaScript (cheap phones, strict CSP);
// src/lib/assets/enhance.js adds the few enhancements. A route group may opt back in.
export const csr = false;
