// The citizen portal's only script; the pages work without it. It shows the APPK warning and hides the
// identity fields while "anonymous" is ticked, and puts the keyboard focus on the first error or refusal.
(function () {
  'use strict';
  function ready() {
    var anonymous = document.getElementById('anonymous');
    var warning = document.getElementById('anonymous-warning');
    var identity = document.getElementById('identity');
    if (anonymous && warning && identity) {
      var sync = function () {
        warning.hidden = !anonymous.checked;
        identity.hidden = anonymous.checked;
      };
      anonymous.addEventListener('change', sync);
      sync();
    }
    var firstInvalid = document.querySelector('main [aria-invalid="true"]');
    var alert = document.getElementById('refusal') || document.getElementById('error-summary');
    if (firstInvalid) {
      firstInvalid.focus();
    } else if (alert) {
      alert.focus();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
