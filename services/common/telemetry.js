// Entry point for `import '@azotte/common/telemetry'`, kept apart from the
// package index so that a service can start telemetry before anything else loads.
module.exports = require('./dist/telemetry/sdk');
