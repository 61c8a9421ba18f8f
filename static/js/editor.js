// The draft editor: each clause on a formatted surface with citation chips, and the focus kept
// where the user acts next. editor-saves.js holds the autosave's feedback, retries and reordering.
(function () {
  "use strict";
  // Each clause is edited on a surface that reads as it prints: bold, italics, links, lists,
  // and citations as numbered chips. The textarea under it (hidden) keeps what the form saves:
  // the sanitized HTML with [[snippet:ID]] / [[note:ID]] markers. Without JavaScript the
  // textarea itself is the editor.
  const MARKER = /\[\[(?:snippet|note):\d+\]\]/g;
  const ONE_MARKER = /^\[\[(?:snippet|note):\d+\]\]$/;
  // The server's allowlist (rendering.CLAUSE_HTML), handed to the page: one list for both sides.
  const HTML = JSON.parse(document.getElementById("workspace")?.dataset.clauseHtml || '{"tags": [], "attributes": {}, "url_schemes": []}');
  const ALLOWED = new Set(HTML.tags);
  const LINK = new RegExp(`^(${HTML.url_schemes.join("|")}):`, "i");
  const ranges = new WeakMap(); // surface → its last selection, kept while a button or the cite picker has focus
  let citingSurface = null;

  function chip(marker) {
    const span = document.createElement("span");
    span.className = "cite-chip";
    span.contentEditable = "false";
    span.dataset.marker = marker;
    label(span, "");
    return span;
  }

  // A chip reads "footnote 3" (its number shown, the word for screen readers only); unsaved, "…".
  function label(cite, number) {
    const spoken = document.createElement("span");
    spoken.className = "visually-hidden";
    spoken.textContent = number ? "footnote " : "footnote, numbered when saved";
    const shown = document.createElement("span");
    shown.textContent = number || "…";
    if (!number) shown.setAttribute("aria-hidden", "true");
    cite.replaceChildren(spoken, shown);
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
        const tag = node.tagName.toLowerCase();
        if (ONE_MARKER.test(marker)) {
          to.append(chip(marker));
        } else if (!ALLOWED.has(tag)) {
          copyAllowed(node, to);
        } else {
          const element = document.createElement(tag);
          allowedAttributes(node).forEach(([name, value]) => element.setAttribute(name, value));
          copyAllowed(node, element);
          to.append(element);
        }
      }
    });
  }

  function allowedAttributes(element) {
    const tag = element.tagName.toLowerCase();
    return (HTML.attributes[tag] || []).map((name) => [name, element.getAttribute(name)])
      .filter(([name, value]) => value !== null && (name !== "href" || LINK.test(value)));
  }

  // Chips show the footnote numbers of the last save: the n-th chip is the n-th call in the
  // clause as the server rendered it; a chip not saved yet shows "…".
  function number(surface) {
    const textarea = document.getElementById(surface.dataset.target);
    const calls = document.getElementById(textarea.getAttribute("aria-describedby"))?.querySelectorAll("sup") || [];
    surface.querySelectorAll(".cite-chip").forEach((cite, n) => {
      const number = calls[n] ? calls[n].textContent : "";
      label(cite, number);
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
        const tag = child.tagName.toLowerCase();
        const attributes = allowedAttributes(child).map(([name, value]) => ` ${name}="${escapeHTML(value)}"`).join("");
        if (child.dataset.marker) html += child.dataset.marker;
        else if (tag === "br") html += "<br>";
        else if (ALLOWED.has(tag)) html += `<${tag}${attributes}>${inner}</${tag}>`;
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

  // Every action leaves the focus where the user acts next: a moved clause keeps it on the button
  // just pressed (press again to move further), a deleted one hands it to the next clause, and a
  // new clause (the page comes back as #clause-ID) gets the caret.
  let refocus = null;
  document.body.addEventListener("htmx:beforeRequest", (event) => {
    const button = event.detail.elt;
    const clause = button.closest && button.closest("li.clause");
    if (!clause || !button.dataset.focusAfter) return;
    const next = clause.nextElementSibling || clause.previousElementSibling;
    refocus = button.dataset.focusAfter === "next-clause"
      ? { clause: next && next.matches("li.clause") ? next.dataset.clauseId : null }
      : { clause: clause.dataset.clauseId, button: button.dataset.focusAfter };
  });
  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (!refocus || event.detail.target.id !== "workspace") return;
    const { clause, button } = refocus;
    refocus = null;
    const card = clause && document.getElementById(`clause-${clause}`);
    if (card && button) card.querySelector(`[data-focus-after="${button}"]`).focus();
    else if (card) resume(surfaceFor(`text-${clause}`));
    else document.getElementById("new-kind")?.focus();
  });
  window.addEventListener("load", () => { // once the browser has scrolled to the fragment
    const added = location.hash.match(/^#clause-(\d+)$/);
    if (added && surfaceFor(`text-${added[1]}`)) resume(surfaceFor(`text-${added[1]}`));
  });

  // Ctrl+S (Cmd+S) saves a version, as "save" does in most editors.
  document.addEventListener("keydown", (event) => {
    const form = document.getElementById("version-save");
    if (!form || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "s" || event.shiftKey || event.altKey) return;
    event.preventDefault();
    form.requestSubmit();
  });

})();
