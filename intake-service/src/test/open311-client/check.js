'use strict';
// An independent Open311 GeoReport v2 client (npm 'open311') against intake-service:
// discovers the endpoint, lists services, posts a request, resolves its token and reads its status back.
// Usage: node check.js <base-url> <api-key>. Prints one JSON line with what it saw; exits non-zero on any failure.
const Open311 = require('open311');

const [baseUrl, apiKey] = process.argv.slice(2);
if (!baseUrl || !apiKey) {
  console.error('usage: node check.js <base-url> <api-key>');
  process.exit(2);
}

function call(fn) {
  return new Promise((resolve, reject) => fn((err, data) => (err ? reject(new Error(String(data || err))) : resolve(data))));
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function eventually(attempt) {
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function main() {
  const client = new Open311({ discovery: baseUrl + '/open311/v2/discovery.json', apiKey: apiKey, format: 'json' });
  const discovery = await call((cb) => client.serviceDiscovery({ cache: true }, cb));
  check(client.endpoint === baseUrl + '/open311/v2/', 'discovery did not name the endpoint: ' + JSON.stringify(discovery));

  const services = await call((cb) => client.serviceList(cb));
  const codes = services.map((s) => s.service_code);
  check(codes.includes('water-supply'), 'no water-supply service in ' + codes);

  const posted = await call((cb) => client.submitRequest({
    service_code: 'water-supply',
    description: 'No cold water on Abay street for three days.',
    lat: 43.2195,
    long: 76.8301,
    first_name: 'Aigerim',
    last_name: 'Saparova',
    email: 'aigerim@example.kz',
  }, cb));
  const id = posted[0].service_request_id;
  check(/^ZH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}$/.test(id), 'unexpected service_request_id ' + id);

  // A request is public only once routed: wait for it (the test plays routing meanwhile).
  await eventually(async () => {
    const found = await call((cb) => client.serviceRequest(id, cb));
    check(Array.isArray(found) && found.length === 1 && found[0].service_request_id === id,
      'not public yet: ' + JSON.stringify(found));
    return found;
  });
  const byToken = await call((cb) => client.token(posted[0].token, cb));
  check(byToken[0].service_request_id === id, 'token resolved to ' + JSON.stringify(byToken));

  const one = await call((cb) => client.serviceRequest(id, cb));
  check(one.length === 1 && one[0].service_request_id === id && one[0].status === 'open',
    'status lookup gave ' + JSON.stringify(one));

  const list = await call((cb) => client.serviceRequests({ service_code: 'water-supply', status: 'open' }, cb));
  check(list.some((r) => r.service_request_id === id), 'the request is missing from the open water-supply list');

  console.log(JSON.stringify({
    endpoint: client.endpoint,
    services: codes.length,
    serviceRequestId: id,
    token: posted[0].token,
    status: one[0].status,
    requested: one[0].requested_datetime,
    listed: list.length,
    personalDataInRead: JSON.stringify(one).includes('Saparova') || JSON.stringify(one).includes('aigerim@'),
  }));
}

main().catch((error) => {
  console.error('open311 client check failed: ' + error.message);
  process.exit(1);
});
