// The draft editor: autosave feedback, retries when the server is unreachable, citation
// insertion at the cursor, and drag-and-drop reordering (buttons do the same from the keyboard).
(function () {
  "use strict";
  // Let htmx swap 4xx answers too: a conflict (409) or a refused save (400) carries its message.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[4]..", swap: true, error: false },
    { code: "[5]..", swap: false, error: true },
  ];

  let activeTextarea = null;

  // Inline formatting: wrap the selection in the few tags the server keeps (b, i, a, ul/li).
  function format(textarea, kind) {
    const start = textarea.selectionStart, end = textarea.selectionEnd;
    const selected = textarea.value.slice(start, end);
    let wrapped;
    if (kind === "a") {
      const url = window.prompt("Link address (https://…)");
      if (!url) return;
      wrapped = `<a href="${url.replace(/"/g, "%22")}">${selected || url}</a>`;
    } else if (kind === "ul") {
      const items = (selected || "item").split("\n").filter((line) => line.trim());
      wrapped = "<ul>" + items.map((line) => `<li>${line.replace(/^[-•]\s*/, "")}</li>`).join("") + "</ul>";
    } else {
      wrapped = `<${kind}>${selected}</${kind}>`;
    }
    textarea.setRangeText(wrapped, start, end, "end");
    textarea.dispatchEvent(new Event("change", { bubbles: true }));
    textarea.focus();
  }

  document.addEventListener("keydown", (event) => {
    const textarea = event.target.closest(".clause-textarea");
    if (!textarea || !(event.ctrlKey || event.metaKey)) return;
    const kind = { b: "b", i: "i" }[event.key.toLowerCase()];
    if (kind) {
      event.preventDefault();
      format(textarea, kind);
    }
  });

  document.addEventListener("click", (event) => {
    const formatButton = event.target.closest(".js-format");
    if (formatButton) {
      format(document.getElementById(formatButton.dataset.target), formatButton.dataset.format);
      return;
    }
    const cite = event.target.closest(".js-cite");
    if (cite) {
      activeTextarea = document.getElementById(cite.dataset.target);
      return;
    }
    const insert = event.target.closest(".js-insert-citation");
    if (insert && activeTextarea) {
      const start = activeTextarea.selectionStart ?? activeTextarea.value.length;
      const end = activeTextarea.selectionEnd ?? start;
      const value = activeTextarea.value;
      activeTextarea.value = value.slice(0, start) + insert.dataset.marker + value.slice(end);
      activeTextarea.dispatchEvent(new Event("change", { bubbles: true }));
      activeTextarea.focus();
    }
  });

  // A save that never reached the server keeps the text in the page and is tried again.
  document.body.addEventListener("htmx:sendError", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) return;
    const status = form.querySelector("[role=status]");
    if (status) status.textContent = "Not saved: cannot reach the server. Retrying in 5 s…";
    setTimeout(() => htmx.trigger(form, "change"), 5000);
  });
  // An expired session answers with the sign-in page: keep the text, say so, and keep trying.
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) return;
    const status = form.querySelector("[role=status]");
    if (event.detail.xhr.responseURL.includes("/accounts/login/")) {
      event.detail.shouldSwap = false;
      status.textContent = "Not saved: your session expired. Sign in again in another tab; your text stays here and is saved once you do.";
      setTimeout(() => htmx.trigger(form, "change"), 10000);
    } else if (event.detail.xhr.status === 403) {
      event.detail.shouldSwap = false;
      status.textContent = "Not saved: this page's security token expired. Copy your text, then reload the page.";
    }
  });
  document.body.addEventListener("htmx:responseError", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) return;
    const status = form.querySelector("[role=status]");
    if (status) status.textContent = "Not saved: the server had a problem. Your text is still here; retrying in 10 s…";
    setTimeout(() => htmx.trigger(form, "change"), 10000);
  });

  // Drag and drop reordering of clause cards.
  let dragged = null;
  document.addEventListener("dragstart", (event) => {
    dragged = event.target.closest("li.clause");
  });
  document.addEventListener("dragover", (event) => {
    if (dragged && event.target.closest("li.clause")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    const target = event.target.closest("li.clause");
    if (!dragged || !target || target === dragged) return;
    event.preventDefault();
    target.parentNode.insertBefore(dragged, target);
    const workspace = document.getElementById("workspace");
    const order = [...document.querySelectorAll("#clauses li.clause")].map((li) => li.dataset.clauseId);
    htmx.ajax("POST", workspace.dataset.reorderUrl, {
      target: "#workspace",
      swap: "innerHTML",
      values: { order: order, revision: document.getElementById("revision").value },
    });
    dragged = null;
  });
})();
