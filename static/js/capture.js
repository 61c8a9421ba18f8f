// Evidence capture: a passage selected in a source's stored text fills the capture form, and
// "Add another snippet" adds a snippet form to the source-and-snippets page. No inline scripts (CSP).
(function () {
  "use strict";
  // Let htmx swap 4xx answers too: a refused passage (400) comes back with its message.
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "[4]..", swap: true, error: false },
      { code: "[5]..", swap: false, error: true },
    ];
  }

  function selectedPassage() {
    const text = document.getElementById("source-text");
    const selection = window.getSelection();
    if (!text || !selection || selection.isCollapsed || selection.rangeCount === 0) return "";
    return text.contains(selection.getRangeAt(0).commonAncestorContainer) ? selection.toString().trim() : "";
  }

  function copySelectionToForm() {
    const field = document.querySelector("#capture textarea[name=quote]");
    const passage = selectedPassage();
    if (field && passage) field.value = passage;
  }

  document.addEventListener("selectionchange", copySelectionToForm);

  document.addEventListener("click", (event) => {
    // Runs before the form's submit event, so htmx sends the current selection.
    if (event.target.closest(".js-capture-selection")) copySelectionToForm();

    const add = event.target.closest(".js-add-snippet");
    if (add) addSnippetForm(add);
  });

  function addSnippetForm(button) {
    const total = document.getElementById("id_snippets-TOTAL_FORMS");
    const max = Number(document.getElementById("id_snippets-MAX_NUM_FORMS").value);
    const count = Number(total.value);
    if (count >= max) return;
    const html = document.getElementById("snippet-form-template").innerHTML
      .replaceAll("__prefix__", String(count))
      .replaceAll("__number__", String(count + 1));
    const forms = document.getElementById("snippet-forms");
    forms.insertAdjacentHTML("beforeend", html);
    total.value = String(count + 1);
    button.hidden = count + 1 >= max;
    forms.lastElementChild.querySelector("textarea").focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const add = document.querySelector(".js-add-snippet");
    const total = document.getElementById("id_snippets-TOTAL_FORMS");
    const max = document.getElementById("id_snippets-MAX_NUM_FORMS");
    if (add && total && max) add.hidden = Number(total.value) >= Number(max.value);
  });
})();
