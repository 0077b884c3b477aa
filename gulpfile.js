// Copies the node and credential icons into dist, beside the compiled code that points at them.
const { src, dest } = require('gulp');

function buildIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
