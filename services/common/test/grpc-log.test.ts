import { Metadata } from '@grpc/grpc-js';
import { Writable } from 'node:stream';
import { createLogger, routeGrpcLogs } from '../src';

test("grpc-js's own errors are JSON lines of the service's logger, not E lines on stderr", () => {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const printed = jest.spyOn(console, 'error');
  routeGrpcLogs(createLogger('gateway', { level: 'info', destination }), {});
  // A header that is no valid metadata key: grpc-js drops it and logs an error.
  Metadata.fromHttp2Headers({ 'not a key!': 'x' });
  expect(lines).toEqual([expect.objectContaining({ level: 50, service: 'gateway', component: 'grpc', msg: expect.stringContaining('Failed to add metadata entry not a key!') })]);
  expect(printed).not.toHaveBeenCalled();
});
