// The whole platform for end-to-end tests lives in the repository's test support (the portal's
// browser tests start it too).
export * from '@azotte/test-support/platform';
