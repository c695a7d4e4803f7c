import { BusConnection } from '../src';
import { testServers, uniqueName } from '../src/testing';
import { silent } from './bus-harness';

test('a connection closed while it is still connecting does not come up afterwards', async () => {
  const bus = new BusConnection({ url: testServers().amqpUrl, name: uniqueName('bus_close'), logger: silent });
  const seen: boolean[] = [];
  bus.onChange((connected) => seen.push(connected));
  bus.startInBackground();
  await bus.close();
  // Long enough for an attempt left running to finish connecting.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(bus.connected).toBe(false);
  expect(seen).toEqual([]);
});
