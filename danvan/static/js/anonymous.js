// "Send without giving my name": the name and contact fields are greyed out while the box is ticked, so nobody
// types details that would not be sent. Without JavaScript the server says which fields to clear.
(function () {
  "use strict";
  var box = document.getElementById("id_is_anonymous");
  if (!box) {
    return;
  }
  var names = ["full_name", "personal_id", "birth_year", "phone", "email", "address_street"];
  function fit() {
    names.forEach(function (name) {
      var field = document.getElementById("id_" + name);
      if (field) {
        field.disabled = box.checked;
      }
    });
  }
  fit();
  box.addEventListener("change", fit);
})();
