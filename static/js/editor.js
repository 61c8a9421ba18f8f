// The draft editor: each clause on a formatted surface with citation chips, autosave feedback,
// retries when the server is unreachable, and drag-and-drop reordering (buttons do the same from
// the keyboard).
(function () {
  "use strict";
  // Let htmx swap 4xx answers too: a conflict (409) or a refused save (400) carries its message.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[4]..", swap: true, error: false },
    { code: "[5]..", swap: false, error: true },
  ];

  // Each clause is edited on a surface that reads as it prints: bold, italics, links, lists,
  // and citations as numbered chips. The textarea under it (hidden) keeps what the form saves:
  // the sanitized HTML with [[snippet:ID]] / [[note:ID]] markers. Without JavaScript the
  // textarea itself is the editor.
  const MARKER = /\[\[(?:snippet|note):\d+\]\]/g;
  const ONE_MARKER = /^\[\[(?:snippet|note):\d+\]\]$/;
  const TAGS = { B: "b", STRONG: "b", I: "i", EM: "i", UL: "ul", OL: "ol", LI: "li", P: "p" };
  const LINK = /^(https?:|mailto:)/i;
  const ranges = new WeakMap(); // surface → its last selection, kept while a button or the cite picker has focus
  let citingSurface = null;

  function chip(marker) {
    const span = document.createElement("span");
    span.className = "cite-chip";
    span.contentEditable = "false";
    span.dataset.marker = marker;
    span.textContent = "…";
    return span;
  }

  function enhance(textarea) {
    if (textarea.nextElementSibling && textarea.nextElementSibling.matches(".clause-surface")) return;
    const surface = document.createElement("div");
    surface.className = "form-control clause-surface";
    surface.contentEditable = "true";
    surface.setAttribute("role", "textbox");
    surface.setAttribute("aria-multiline", "true");
    surface.setAttribute("aria-labelledby", textarea.dataset.labelledby);
    surface.dataset.target = textarea.id;
    surface.append(surfaceContent(textarea.value));
    textarea.after(surface);
    number(surface);
  }

  // The workspace's class hides the textareas and the "as it will print" lines under them
  // (the surface now shows that). A class on the workspace, not on them, so it holds for
  // whatever htmx swaps in.
  function enhanceAll() {
    const workspace = document.getElementById("workspace");
    if (!workspace) return;
    workspace.classList.add("has-surfaces");
    workspace.querySelectorAll(".clause-textarea").forEach(enhance);
  }

  // The stored HTML is never handed to innerHTML: it is parsed in an inert document and only
  // what a clause keeps is copied over (the server sanitized it already; this keeps the editor
  // safe whatever reaches the textarea).
  function surfaceContent(html) {
    const marked = html.replace(MARKER, (marker) => `<cite data-marker="${marker}"></cite>`);
    const fragment = document.createDocumentFragment();
    copyAllowed(new DOMParser().parseFromString(marked, "text/html").body, fragment);
    return fragment;
  }

  function copyAllowed(from, to) {
    from.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(node.nodeValue);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const marker = node.tagName === "CITE" ? node.dataset.marker || "" : "";
        const tag = node.tagName === "A" ? "a" : node.tagName === "BR" ? "br" : TAGS[node.tagName];
        if (ONE_MARKER.test(marker)) {
          to.append(chip(marker));
        } else if (!tag) {
          copyAllowed(node, to);
        } else {
          const element = document.createElement(tag);
          if (tag === "a" && LINK.test(node.getAttribute("href") || "")) element.setAttribute("href", node.getAttribute("href"));
          copyAllowed(node, element);
          to.append(element);
        }
      }
    });
  }

  // Chips show the footnote numbers of the last save: the n-th chip is the n-th call in the
  // clause as the server rendered it; a chip not saved yet shows "…".
  function number(surface) {
    const textarea = document.getElementById(surface.dataset.target);
    const calls = document.getElementById(textarea.getAttribute("aria-describedby"))?.querySelectorAll("sup") || [];
    surface.querySelectorAll(".cite-chip").forEach((cite, n) => {
      const number = calls[n] ? calls[n].textContent : "";
      cite.textContent = number || "…";
      cite.setAttribute("aria-label", number ? `footnote ${number}` : "footnote, numbered when saved");
      cite.title = number ? document.querySelector(`#footnote-list > li:nth-child(${number})`)?.textContent.trim() || "" : "";
    });
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function serialize(node) {
    let html = "";
    node.childNodes.forEach((child) => {
      if (child.nodeType === Node.TEXT_NODE) {
        html += escapeHTML(child.nodeValue);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const inner = serialize(child);
        const tag = TAGS[child.tagName];
        if (child.dataset.marker) html += child.dataset.marker;
        else if (tag) html += `<${tag}>${inner}</${tag}>`;
        else if (child.tagName === "A") html += `<a href="${escapeHTML(child.getAttribute("href") || "")}">${inner}</a>`;
        else if (child.tagName === "BR") html += "<br>";
        else if (child.tagName === "DIV") html += (html ? "<br>" : "") + inner; // a line a browser started
        else html += inner; // spans and fonts a browser adds carry nothing the proposal keeps
      }
    });
    return html;
  }

  function save(surface) {
    const textarea = document.getElementById(surface.dataset.target);
    textarea.value = serialize(surface).replace(/(<br>)+$/, "");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function surfaceFor(textareaId) {
    return document.querySelector(`.clause-surface[data-target="${textareaId}"]`);
  }

  // Focus the surface with its last selection (or the caret at its end).
  function resume(surface) {
    surface.focus();
    const selection = document.getSelection();
    let range = ranges.get(surface);
    if (!range || !surface.contains(range.startContainer)) {
      range = document.createRange();
      range.selectNodeContents(surface);
      range.collapse(false);
    }
    selection.removeAllRanges();
    selection.addRange(range);
    return range;
  }

  function format(surface, kind) {
    resume(surface);
    if (kind === "a") {
      let url = (window.prompt("Link address (https://…)") || "").trim();
      if (!url) return;
      if (!LINK.test(url)) url = (url.includes("@") && !url.includes("/") ? "mailto:" : "https://") + url;
      if (document.getSelection().isCollapsed) {
        document.execCommand("insertHTML", false, `<a href="${escapeHTML(url)}">${escapeHTML(url)}</a>`);
      } else {
        document.execCommand("createLink", false, url);
      }
    } else {
      document.execCommand({ b: "bold", i: "italic", ul: "insertUnorderedList" }[kind]);
    }
  }

  enhanceAll();
  document.body.addEventListener("htmx:afterSwap", enhanceAll); // in the same task as the swap: no moment without surfaces
  document.body.addEventListener("htmx:afterSettle", () => document.querySelectorAll(".clause-surface").forEach(number));

  document.addEventListener("input", (event) => {
    const surface = event.target.closest && event.target.closest(".clause-surface");
    if (surface) save(surface);
  });
  document.addEventListener("selectionchange", () => {
    const selection = document.getSelection();
    const node = selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const surface = element && element.closest(".clause-surface");
    if (surface) ranges.set(surface, selection.getRangeAt(0).cloneRange());
  });
  document.addEventListener("keydown", (event) => {
    const surface = event.target.closest && event.target.closest(".clause-surface");
    if (surface && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault(); // Ctrl+K: link, as in most editors (Ctrl+B and Ctrl+I are the browser's own)
      format(surface, "a");
      return;
    }
    if (!surface || event.key !== "Enter" || event.shiftKey) return;
    const node = document.getSelection().anchorNode;
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const item = element && element.closest("li");
    if (!(item && surface.contains(item))) event.preventDefault(); // a clause is one paragraph; Shift+Enter breaks a line
  });
  document.addEventListener("paste", (event) => {
    const surface = event.target.closest && event.target.closest(".clause-surface");
    if (!surface) return;
    event.preventDefault(); // text only: formatting from a web page or Word is not the proposal's
    document.execCommand("insertText", false, event.clipboardData.getData("text/plain"));
  });

  document.addEventListener("click", (event) => {
    const formatButton = event.target.closest(".js-format");
    if (formatButton) {
      format(surfaceFor(formatButton.dataset.target), formatButton.dataset.format);
      return;
    }
    const cite = event.target.closest(".js-cite");
    if (cite) {
      citingSurface = surfaceFor(cite.dataset.target);
      return;
    }
    const insert = event.target.closest(".js-insert-citation");
    if (insert) insertCitation(insert.dataset.marker);
  });

  // A citation goes in at the caret the clause had when "Cite…" was pressed; once the picker
  // closes, the caret is back in the clause just after it.
  function insertCitation(marker) {
    if (!citingSurface) return;
    const range = resume(citingSurface);
    const cite = chip(marker);
    range.deleteContents();
    range.insertNode(cite);
    range.setStartAfter(cite);
    range.collapse(true);
    ranges.set(citingSurface, range.cloneRange());
    save(citingSurface);
  }

  const citeModal = document.getElementById("cite-modal");
  if (citeModal) {
    let shown = false; // a hide asked for while the picker is still fading in waits for it
    const close = () => {
      if (shown) bootstrap.Modal.getOrCreateInstance(citeModal).hide();
      else citeModal.addEventListener("shown.bs.modal", close, { once: true });
    };
    // Opening the picker puts the caret in its search box: the first keys typed are the search.
    citeModal.addEventListener("shown.bs.modal", () => {
      shown = true;
      document.getElementById("cite-q").focus();
    });
    citeModal.addEventListener("hide.bs.modal", () => { shown = false; });
    citeModal.addEventListener("hidden.bs.modal", () => { // after Bootstrap hands the focus back to "Cite…"
      setTimeout(() => citingSurface && resume(citingSurface));
    });
    // A free-text footnote is written and inserted in one action: the note the server made goes in at once.
    document.body.addEventListener("htmx:afterSwap", (event) => {
      if (event.detail.target.id !== "note-result") return;
      const made = event.detail.target.querySelector(".js-insert-citation");
      if (!made) return;
      insertCitation(made.dataset.marker);
      event.detail.target.replaceChildren();
      document.getElementById("note-text").value = "";
      close();
    });
  }

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
      surfaceFor(refused.querySelector(".clause-textarea").id).focus();
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
