// The medsearch page: asks /api/ask and lays the answer out as the site's articles are — sections in the
// site's order, sub-headings, bullets, citation numbers linking to the references — with the matched
// words highlighted, section and source filters from the facets, and a follow-up box that continues the
// conversation. Every text from the server is put in the page as text (textContent), never as markup.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_FILTERS = 8;  // per kind
  const SITE_SECTIONS = ["from-the-guidelines", "from-the-fda-drug-label", "from-the-research"];
  const state = { session: "", question: "", sections: new Set(), sources: new Set() };

  function element(tag, attributes = {}, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The passage text with <mark> around the highlighted words. The server gives byte offsets into the
  // UTF-8 text; they are cut on the bytes and each piece decoded back.
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  function highlighted(text, highlights) {
    const bytes = encoder.encode(text);
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [begin, end] of highlights) {
      if (begin < at || end > bytes.length || begin >= end) continue;
      fragment.append(decoder.decode(bytes.subarray(at, begin)));
      fragment.append(element("mark", {}, decoder.decode(bytes.subarray(begin, end))));
      at = end;
    }
    fragment.append(decoder.decode(bytes.subarray(at)));
    return fragment;
  }

  // References are numbered per article; the page lists each cited one once, under an id of its own.
  function referenceKey(hit, number) { return hit.article + "\u0000" + number; }

  function citationLinks(hit, referenceIds) {
    const fragment = document.createDocumentFragment();
    for (const number of hit.citations) {
      const id = referenceIds.get(referenceKey(hit, number));
      if (!id) continue;  // a list item may cite a reference no shown passage lists
      const sup = element("sup", { class: "citation" });
      const link = element("a", { href: "#" + id, "aria-label": "reference " + number }, String(number));
      sup.append(link);
      fragment.append(" ", sup);
    }
    return fragment;
  }

  // The references every shown passage cites, once each, in the order first cited.
  function collectReferences(groups) {
    const ids = new Map();
    const list = [];
    for (const group of groups)
      for (const hit of group.hits)
        for (const number of hit.citations) {
          const key = referenceKey(hit, number);
          if (ids.has(key)) continue;
          const id = "ref-" + (list.length + 1);
          ids.set(key, id);
          const listed = hit.references.find((reference) => reference.number === number);
          list.push({ id, number, hit, reference: listed });
        }
    return { ids, list };
  }

  function renderReferences(list) {
    const ol = $("reference-list");
    ol.replaceChildren();
    for (const { id, number, hit, reference } of list) {
      const li = element("li", { id, tabindex: "-1" });
      li.append(element("span", { class: "reference-number" }, "[" + number + "] "));
      if (reference && reference.text) {
        li.append(reference.text);
      } else {
        li.append("Reference " + number + " of \u201c" + hit.title + "\u201d (the article does not give its text).");
      }
      if (reference && reference.pmid) {
        li.append(" ");
        li.append(element("a", { href: "https://pubmed.ncbi.nlm.nih.gov/" + encodeURIComponent(reference.pmid) + "/", rel: "noreferrer" }, "PMID " + reference.pmid));
      }
      if (reference && reference.doi) {
        li.append(" ");
        li.append(element("a", { href: "https://doi.org/" + encodeURI(reference.doi), rel: "noreferrer" }, "doi:" + reference.doi));
      }
      ol.append(li);
    }
    $("references").hidden = list.length === 0;
  }

  // One answer-card group: its passages under their sub-headings, bullets gathered into lists, each
  // passage followed by its citation numbers and, where the article changes, the article it comes from.
  function renderGroup(group, referenceIds) {
    const section = element("section", { class: "answer-section" });
    section.append(element("h2", {}, group.name));
    let heading = null;
    let list = null;
    let leadIn = "";
    let article = null;
    const listsShown = new Set();  // "article#first ordinal" of each list shown whole
    for (const hit of group.hits) {
      if (hit.list && hit.list.length) {
        const key = hit.article + "#" + hit.list[0].ordinal;
        if (listsShown.has(key)) continue;
        listsShown.add(key);
      }
      if (hit.article !== article) {
        article = hit.article;
        heading = null;
        list = null;
        section.append(element("p", { class: "source" }, hit.title + (hit.source ? " \u00b7 " + hit.source : "")));
      }
      if (hit.heading !== heading) {
        heading = hit.heading;
        list = null;
        if (heading) section.append(element("h3", {}, heading));
      }
      const body = hit.kind === "bullet" ? element("li", { class: "passage", "data-id": hit.id }) : element("p", { class: "passage", "data-id": hit.id });
      body.append(highlighted(hit.text, hit.highlights), citationLinks(hit, referenceIds));
      if (hit.kind === "bullet") {
        // A list starts under the sentence that introduces it, shown once ("Viral infections" alone says little).
        if (!list || (hit.lead_in || "") !== leadIn) {
          leadIn = hit.lead_in || "";
          if (leadIn) section.append(element("p", { class: "lead-in" }, leadIn));
          list = element("ul");
          section.append(list);
        }
        if (hit.list && hit.list.length) {
          // The whole list: the hit's own bullet with its highlights, the others as the article has them.
          for (const item of hit.list) {
            const li = element("li", { class: "passage", "data-id": hit.article + "#" + item.ordinal });
            li.append(item.ordinal === hit.ordinal ? highlighted(hit.text, hit.highlights) : item.text);
            li.append(citationLinks({ article: hit.article, citations: item.citations }, referenceIds));
            list.append(li);
          }
        } else {
          list.append(body);
        }
      } else {
        list = null;
        section.append(body);
      }
    }
    return section;
  }

  function renderFilters(facets) {
    // The boxes are drawn anew; the one the keyboard was on keeps the focus.
    const focused = document.activeElement;
    const refocus = focused && focused.type === "checkbox" ? [focused.name, focused.value] : null;
    const fill = (fieldset, counts, chosen, name) => {
      fieldset.querySelectorAll("label").forEach((label) => label.remove());
      // The site's own sections first, in its order, then the most frequent values; and any already chosen.
      const site = (value) => { const at = SITE_SECTIONS.indexOf(value); return at < 0 ? SITE_SECTIONS.length : at; };
      const shown = Object.entries(counts).sort((a, b) => site(a[0]) - site(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))
        .filter(([value], rank) => rank < MAX_FILTERS || chosen.has(value));
      for (const [value, count] of shown) {
        const label = element("label", { class: "filter" });
        const box = element("input", { type: "checkbox", name, value });
        box.checked = chosen.has(value);
        box.addEventListener("change", () => {
          if (box.checked) chosen.add(value); else chosen.delete(value);
          ask(state.question, { refine: true });
        });
        label.append(box, " " + value.replace(/-/g, " ") + " (" + count + ")");
        fieldset.append(label);
      }
      fieldset.hidden = Object.keys(counts).length === 0;
    };
    fill($("section-filters"), facets.sections, state.sections, "section");
    fill($("source-filters"), facets.sources, state.sources, "source");
    $("filters").hidden = false;
    if (refocus)
      for (const box of $("filters").querySelectorAll("input[type=checkbox]"))
        if (box.name === refocus[0] && box.value === refocus[1]) box.focus();
  }

  function render(answer) {
    $("answer-title").textContent = answer.question;
    $("answer-title").hidden = false;
    const suggestion = $("suggestion");
    suggestion.hidden = !answer.suggestion;
    $("suggestion-link").textContent = answer.suggestion || "";
    $("low-confidence").hidden = !answer.low_confidence;
    const groups = answer.answer_card ? answer.answer_card.groups : [];
    const { ids, list } = collectReferences(groups);
    const sections = $("sections");
    sections.replaceChildren(...groups.map((group) => renderGroup(group, ids)));
    if (groups.length === 0) sections.append(element("p", { class: "status" }, "No passages match."));
    renderReferences(list);
    if (answer.facets) renderFilters(answer.facets);
    $("follow-up").hidden = false;
    const context = answer.context;
    $("conversation-note").textContent =
      context && context.kind === "carried" && context.subject ? "Understood as a question about " + context.subject + "." : "";
  }

  async function ask(question, { followUp = false, refine = false } = {}) {
    if (!followUp && !refine) {
      state.session = "";
      state.sections.clear();
      state.sources.clear();
    }
    if (!refine) state.question = question;
    const body = { question, answer: true, facets: true, k: 10 };
    if (state.session) body.session = state.session;
    if (state.sections.size) body.section = [...state.sections];
    if (state.sources.size) body.source = [...state.sources];
    $("status").textContent = "Searching\u2026";
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.message || "the server answered " + response.status);
      state.session = answer.session;
      $("status").textContent = "";
      render(answer);
      if (!refine) $("answer-title").focus();
      const url = new URL(window.location.href);
      url.searchParams.set("q", question);
      if (!followUp) history.replaceState(null, "", url);
    } catch (error) {
      $("status").textContent = "The question could not be answered: " + error.message;
    }
  }

  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("question").value.trim();
    if (question) ask(question);
  });
  $("follow-up-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("follow-up-question").value.trim();
    if (!question) return;
    $("follow-up-question").value = "";
    ask(question, { followUp: true });
  });
  $("suggestion-link").addEventListener("click", (event) => {
    event.preventDefault();
    $("question").value = $("suggestion-link").textContent;
    ask($("question").value);
  });
  // A citation moves the focus to its reference, so the keyboard follows the eye.
  $("sections").addEventListener("click", (event) => {
    const link = event.target.closest("sup.citation a");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (target) setTimeout(() => target.focus(), 0);
  });
  $("answer-title").setAttribute("tabindex", "-1");

  const asked = new URL(window.location.href).searchParams.get("q");
  if (asked) {
    $("question").value = asked;
    ask(asked);
  }
})();
