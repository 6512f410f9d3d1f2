// Writes a measure (a plain JSON object) as YAML that `subsidy validate` reads back: keys in the
// schema's order, strings double-quoted (JSON escapes are YAML escapes), lists in flow style.
"use strict";
var MeasureYAML = (function () {
  function scalar(v) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "boolean" || typeof v === "number") return String(v);
    return JSON.stringify(String(v));
  }
  function orderedKeys(obj, schema) {
    var known = schema && schema.properties ? Object.keys(schema.properties) : [];
    var keys = known.filter(function (k) { return Object.prototype.hasOwnProperty.call(obj, k); });
    Object.keys(obj).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    return keys;
  }
  function isEmpty(v) {
    if (v === undefined) return true;
    if (Array.isArray(v)) return v.length === 0;
    if (v && typeof v === "object") return Object.keys(v).every(function (k) { return isEmpty(v[k]); });
    return false;
  }
  function write(obj, schema, indent, out) {
    orderedKeys(obj, schema).forEach(function (key) {
      var v = obj[key];
      if (isEmpty(v)) return;
      var sub = schema && schema.properties ? schema.properties[key] : null;
      var name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
      if (Array.isArray(v)) {
        out.push(indent + name + ": [" + v.map(function (x) {
          return typeof x === "object" && x !== null ? JSON.stringify(x) : scalar(x);
        }).join(", ") + "]");
      } else if (v && typeof v === "object") {
        out.push(indent + name + ":");
        write(v, sub, indent + "  ", out);
      } else {
        out.push(indent + name + ": " + scalar(v));
      }
    });
  }
  return {
    dump: function (measure, schema) {
      var out = ["# A support measure (subsidy measure contract v1); check it with `subsidy validate`."];
      write(measure, schema, "", out);
      return out.join("\n") + "\n";
    }
  };
})();
