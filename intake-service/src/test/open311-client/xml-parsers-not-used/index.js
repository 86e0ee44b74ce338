'use strict';
// open311 parses XML only when its format is 'xml'; this harness drives it in JSON.
function notUsed() {
  throw new Error('XML parsing is not available in this harness; use format json');
}
module.exports = { parseXml: notUsed, toJson: notUsed };
