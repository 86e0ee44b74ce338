// Run once by the mongo image, as root, when the data volume is empty (docker-entrypoint-initdb.d).
// One user per service, in the service's own database, allowed to read and write that database only:
// a compromised service cannot read another's data or administer the server.
// Passwords come from MONGO_<SERVICE>_PASSWORD (letters and digits: they go into connection strings).
for (const service of ['intake', 'routing', 'notification', 'analytics']) {
  const variable = 'MONGO_' + service.toUpperCase() + '_PASSWORD';
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  db.getSiblingDB(service).createUser({ user: service, pwd: password, roles: [{ role: 'readWrite', db: service }] });
  print('created MongoDB user ' + service + ' (readWrite on ' + service + ')');
}
