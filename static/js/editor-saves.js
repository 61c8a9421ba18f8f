// The draft editor's saves: words typed are saved before any other action, a refused or failed
// save keeps its text and says why (retrying when the server is unreachable), the page's revision
// follows its own saves, and clause cards reorder by drag and drop (buttons do it from the keyboard).
(function () {
  "use strict";
  // Let htmx swap 4xx answers too: a conflict (409) or a refused save (400) carries its message.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[4]..", swap: true, error: false },
    { code: "[5]..", swap: false, error: true },
  ];

  // Words typed during the autosave's quiet period are saved before anything else happens:
  // a move, a delete or a reorder (htmx requests that redraw the workspace) waits behind them
  // on the clauses' request queue; a full-page form (Save version, Add clause) is sent once
  // they are saved; leaving the page while some are unsaved asks first.
  function unsaved() {
    return [...document.querySelectorAll("form.clause-form")].filter((form) => {
      const textarea = form.querySelector(".clause-textarea");
      return textarea && textarea.value !== textarea.dataset.sent;
    });
  }

  function saveNow() {
    const forms = unsaved();
    forms.forEach((form) => htmx.trigger(form, "change"));
    return forms.length > 0;
  }

  function saving() {
    return document.querySelector("form.clause-form.htmx-request") !== null;
  }

  document.querySelectorAll(".clause-textarea").forEach((textarea) => { textarea.dataset.sent = textarea.value; });
  document.body.addEventListener("htmx:afterSwap", () => document.querySelectorAll(".clause-textarea").forEach((textarea) => {
    if (textarea.dataset.sent === undefined) textarea.dataset.sent = textarea.value;
  }));
  document.body.addEventListener("htmx:beforeRequest", (event) => {
    const form = event.detail.elt.closest && event.detail.elt.closest("form.clause-form");
    if (form) {
      const textarea = form.querySelector(".clause-textarea");
      textarea.dataset.sent = textarea.value;
    }
  });
  document.body.addEventListener("htmx:confirm", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) {
      saveNow();
      return;
    }
    const max = Number(document.getElementById("workspace").dataset.maxChars);
    const length = [...form.querySelector(".clause-textarea").value].length;
    if (length > max) { // not sent at all: the server would refuse it, and the text stays on screen
      event.preventDefault();
      refuse(form, `Not saved: This clause is ${length.toLocaleString("en-US")} characters, ` +
        `${(length - max).toLocaleString("en-US")} over the limit of ${max.toLocaleString("en-US")}. ` +
        "Shorten it or split it into two clauses.");
    }
  });

  // A clause the server would refuse (too long) keeps its text, and holds back every full-page
  // action (Save version, Add clause…) that would reload the page over it.
  function refuse(form, message) {
    markUnsent(form);
    form.dataset.refused = "true";
    const status = form.querySelector("[role=status]");
    if (message) status.textContent = message;
  }

  function refusedForm() {
    return document.querySelector("form.clause-form[data-refused]");
  }

  // The page holds the draft's revision for its full-page forms: each of its own saves moves it on.
  document.body.addEventListener("htmx:afterSettle", () => {
    const revision = document.getElementById("revision");
    if (revision) document.querySelectorAll(".js-revision").forEach((input) => { input.value = revision.value; });
  });
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!document.getElementById("workspace") || form.closest("form.clause-form")) return;
    const refused = refusedForm();
    if (refused) {
      event.preventDefault();
      document.querySelector(`.clause-surface[data-target="${refused.querySelector(".clause-textarea").id}"]`).focus();
      return;
    }
    if (form.dataset.afterSaves) return;
    if (!saveNow() && !saving()) return;
    event.preventDefault();
    form.dataset.afterSaves = "true";
    const waited = Date.now();
    const wait = setInterval(() => {
      if ((!saving() && unsaved().length === 0) || Date.now() - waited > 15000) {
        clearInterval(wait);
        form.requestSubmit();
      }
    }, 100);
  }, true);
  window.addEventListener("beforeunload", (event) => {
    if (unsaved().length || saving()) event.preventDefault();
  });

  // A save that never reached the server keeps the text in the page and is tried again.
  function markUnsent(form) {
    form.querySelector(".clause-textarea").dataset.sent = "\u0000 not saved";
  }

  document.body.addEventListener("htmx:sendError", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) return;
    markUnsent(form);
    const status = form.querySelector("[role=status]");
    if (status) status.textContent = "Not saved: cannot reach the server. Retrying in 5 s…";
    setTimeout(() => htmx.trigger(form, "change"), 5000);
  });
  // An expired session answers with the sign-in page: keep the text, say so, and keep trying.
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) return;
    const status = form.querySelector("[role=status]");
    if (event.detail.xhr.status === 400) {
      refuse(form);
    } else if (event.detail.xhr.status < 300) {
      delete form.dataset.refused;
    }
    if (event.detail.xhr.responseURL.includes("/accounts/login/")) {
      event.detail.shouldSwap = false;
      markUnsent(form);
      status.textContent = "Not saved: your session expired. Sign in again in another tab; your text stays here and is saved once you do.";
      setTimeout(() => htmx.trigger(form, "change"), 10000);
    } else if (event.detail.xhr.status === 403) {
      event.detail.shouldSwap = false;
      markUnsent(form);
      status.textContent = "Not saved: this page's security token expired. Copy your text, then reload the page.";
    }
  });
  document.body.addEventListener("htmx:responseError", (event) => {
    const form = event.detail.elt.closest("form.clause-form");
    if (!form) return;
    markUnsent(form);
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
