#!/usr/bin/env node
// Tiny on purpose: all the code lives in dist/, built by `npm run build` (run by `npm install`).
require('../dist/start.js');
