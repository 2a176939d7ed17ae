#!/usr/bin/env node
// The CLI entry: runs the compiled CLI (npm run build makes dist/).
import('../dist/cli/main.js');
