#!/usr/bin/env node
// Tiny on purpose: all the code lives in the bundle that `npm run build` (run by `npm install`) makes.
import '../dist/main.js';
