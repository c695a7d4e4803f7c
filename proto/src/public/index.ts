// The public JSON of API.md, built from proto messages: the gateway answers its GETs with these
// presenters and the webhook service puts the same objects in its public events, so that an
// event's `data.object` is exactly what the resource's GET shows.
export * from './billing';
export * from './campaign';
export * from './checkout';
export * from './customer';
export * from './events';
