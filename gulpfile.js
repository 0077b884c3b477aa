// Copies what tsc does not emit into dist, beside the compiled code that points at it:
// the icons, and each node's codex file (categories, aliases, docs links).
const { src, dest, parallel } = require('gulp');

function buildIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = parallel(buildIcons, copyCodex);
