// Jest has no CSS pipeline: a CSS module's class names come back as their own names, plain CSS as nothing.
const classes = new Proxy(
  {},
  { get: (_target, key) => (key === '__esModule' ? true : key === 'default' ? classes : String(key)) },
);
module.exports = classes;
