// Preloaded (node --require) into a child process that must work offline: every outbound connection or
// host-name lookup it attempts is appended to the file named by RECORD_NETWORK_TO, for the test to read.
const { appendFileSync } = require("node:fs");
const dns = require("node:dns");
const net = require("node:net");

const file = process.env.RECORD_NETWORK_TO;
const record = (what) => {
  if (file) appendFileSync(file, `${what}\n`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = args[0];
  record(`connect ${typeof target === "object" ? (target.host ?? target.path) : target}`);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  record(`lookup ${hostname}`);
  return lookup.call(this, hostname, ...rest);
};
