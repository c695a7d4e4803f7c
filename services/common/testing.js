// Entry point for `import '@azotte/common/testing'`: helpers for tests only.
module.exports = require('./dist/testing');
