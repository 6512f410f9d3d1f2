// The page of `subsidy serve`: a form generated from the measure's JSON Schema, the verdicts and
// memo of both regimes, and the open questions, answered one by one. No framework, no network
// but this server.
"use strict";
(function () {
  var state = {
    lang: "en",
    schema: null,
    measure: {},
    result: null,       // the last classify JSON (one object)
    memo: "",
    previous: null,     // the result before the last answer, for "what changed"
    pending: 0,
    timer: null,
    timerPending: false,
    openGroups: {}      // group path -> open, kept when the form is rebuilt
  };
  var EXAMPLE = {
    id: "KZ-DRAFT-2027-001",
    title: "Grant to manufacturers of household refrigerators",
    member_state: "KZ",
    granting_body: { kind: "government", level: "national", name: "Ministry of Industry" },
    legal_basis: "Draft Order on industrial support",
    period: { from: "2027-01-01" },
    goods: { hs: ["8418"] },
    forms: ["grant"],
    amount: { value: 5000000000, currency: "KZT" }
  };

  function $(id) { return document.getElementById(id); }
  function t(key) { return (I18N[state.lang] && I18N[state.lang][key]) || I18N.en[key] || key; }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  // ---- the measure as a nested object, addressed by dotted paths -------------------------------
  function getPath(obj, path) {
    return path.split(".").reduce(function (o, k) { return o && typeof o === "object" ? o[k] : undefined; }, obj);
  }
  function setPath(obj, path, value) {
    var keys = path.split("."), o = obj;
    for (var i = 0; i < keys.length - 1; i++) {
      if (!o[keys[i]] || typeof o[keys[i]] !== "object" || Array.isArray(o[keys[i]])) o[keys[i]] = {};
      o = o[keys[i]];
    }
    var last = keys[keys.length - 1];
    if (value === undefined) delete o[last]; else o[last] = value;
    prune(obj);
  }
  function prune(obj) {
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      if (v && typeof v === "object" && !Array.isArray(v)) {
        prune(v);
        if (Object.keys(v).length === 0) delete obj[k];
      }
    });
  }
  function schemaAt(path) {
    var s = state.schema;
    path.split(".").forEach(function (k) { s = s && s.properties ? s.properties[k] : null; });
    return s;
  }

  // ---- what kind of input each schema property gets --------------------------------------------
  function kind(p) {
    if (!p) return "text";
    if (p.type === "object") return "group";
    if (p.enum && p.enum.indexOf(true) >= 0) return "tri";
    if (p.enum) return "choice";
    if (p.type === "array" && p.items && p.items.enum) return "choices";
    if (p.type === "array") return "list";
    if (p.format === "date") return "date";
    if (p.anyOf && p.anyOf.some(function (a) { return a.type === "number"; })) return "number";
    return "text";
  }
  function triValue(v) {
    if (v === true || v === "yes" || v === "Yes" || v === "YES") return "true";
    if (v === false || v === "no" || v === "No" || v === "NO") return "false";
    return "";
  }

  // ---- the form, generated from the schema ------------------------------------------------------
  function buildForm() {
    var form = $("measure-form");
    form.textContent = "";
    if (!state.schema) return;
    var required = state.schema.required || [];
    Object.keys(state.schema.properties).forEach(function (key) {
      form.appendChild(field(key, state.schema.properties[key], required.indexOf(key) >= 0, 0));
    });
  }
  function field(path, p, required, depth) {
    var name = path.split(".").pop();
    var id = "f-" + path.replace(/\./g, "-");
    var help = p.description ? el("p", { class: "help", id: id + "-help", text: p.description }) : null;
    var label = el("label", { for: id }, [el("code", { text: name }), required ? el("span", { class: "req", text: " * " + t("required") }) : null]);
    var k = kind(p);
    if (k === "group") {
      var fs = el("fieldset", { class: "group depth" + depth, id: id });
      var legend = el("legend", {}, [el("code", { text: name })]);
      fs.appendChild(legend);
      if (help) fs.appendChild(help);
      var req = p.required || [];
      Object.keys(p.properties).forEach(function (key) {
        fs.appendChild(field(path + "." + key, p.properties[key], req.indexOf(key) >= 0, depth + 1));
      });
      if (depth === 0 && !required) {
        var det = el("details", { class: "group-box" }, [el("summary", {}, [el("code", { text: name }), p.description ? el("span", { class: "summary-help", text: " — " + p.description }) : null])]);
        fs.removeChild(legend);
        if (help) fs.removeChild(help);
        det.appendChild(fs);
        det.dataset.path = path;
        // Open when it holds values, or when the user had it open before the form was rebuilt.
        det.open = state.openGroups[path] || getPath(state.measure, path) !== undefined;
        det.addEventListener("toggle", function () { state.openGroups[path] = det.open; });
        return det;
      }
      return fs;
    }
    var value = getPath(state.measure, path);
    var input;
    if (k === "tri") {
      input = el("select", { id: id });
      [["", t("unknown")], ["true", t("yes")], ["false", t("no")]].forEach(function (o) {
        input.appendChild(el("option", { value: o[0], text: o[1] }));
      });
      input.value = triValue(value);
      input.addEventListener("change", function () {
        setPath(state.measure, path, input.value === "" ? undefined : input.value === "true");
        changed();
      });
    } else if (k === "choice") {
      input = el("select", { id: id });
      input.appendChild(el("option", { value: "", text: "—" }));
      p.enum.forEach(function (o) { input.appendChild(el("option", { value: o, text: o })); });
      input.value = value === undefined ? "" : String(value);
      input.addEventListener("change", function () {
        setPath(state.measure, path, input.value === "" ? undefined : input.value);
        changed();
      });
    } else if (k === "choices") {
      input = el("div", { class: "choices", id: id, role: "group" });
      var current = Array.isArray(value) ? value : [];
      p.items.enum.forEach(function (o) {
        var box = el("input", { type: "checkbox", value: o, id: id + "-" + o });
        box.checked = current.indexOf(o) >= 0;
        box.addEventListener("change", function () {
          var chosen = Array.prototype.filter.call(input.querySelectorAll("input"), function (b) { return b.checked; })
            .map(function (b) { return b.value; });
          setPath(state.measure, path, chosen.length ? chosen : undefined);
          changed();
        });
        input.appendChild(el("label", { class: "choice", for: id + "-" + o }, [box, " " + o]));
      });
    } else if (k === "list") {
      input = el("textarea", { id: id, rows: "2", placeholder: t("onePerLine") });
      input.value = Array.isArray(value) ? value.join("\n") : "";
      input.addEventListener("input", function () {
        var items = input.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
        setPath(state.measure, path, items.length ? items : undefined);
        changed();
      });
    } else if (k === "date") {
      input = el("input", { type: "date", id: id });
      input.value = value ? String(value) : "";
      input.addEventListener("change", function () {
        setPath(state.measure, path, input.value || undefined);
        changed();
      });
    } else if (k === "number") {
      input = el("input", { type: "text", inputmode: "decimal", id: id, placeholder: t("unknown") });
      input.value = value === undefined ? "" : String(value);
      input.addEventListener("input", function () {
        var s = input.value.trim().replace(/[ _]/g, "");
        setPath(state.measure, path, s === "" ? undefined : (isNaN(Number(s)) ? s : Number(s)));
        changed();
      });
    } else {
      input = el("input", { type: "text", id: id });
      if (p.examples) input.setAttribute("placeholder", p.examples.join(", "));
      input.value = value === undefined ? "" : String(value);
      input.addEventListener("input", function () {
        setPath(state.measure, path, input.value.trim() === "" ? undefined : input.value);
        changed();
      });
    }
    if (help) input.setAttribute("aria-describedby", id + "-help");
    input.dataset.path = path;
    return el("div", { class: "field", "data-path": path }, [label, input, help]);
  }

  // ---- classification ----------------------------------------------------------------------------
  // body[data-state] is "busy" from an edit until its classification is shown, then "ready".
  function busy(yes) { document.body.setAttribute("data-state", yes ? "busy" : "ready"); }
  function changed() {
    busy(true);
    clearTimeout(state.timer);
    state.timerPending = true;
    state.timer = setTimeout(function () { state.timerPending = false; classify(); }, 250);
  }
  function yamlText() { return MeasureYAML.dump(state.measure, state.schema); }
  function query(extra) {
    var q = "?lang=" + state.lang;
    var asOf = $("as-of").value;
    if (asOf) q += "&as_of=" + encodeURIComponent(asOf);
    return q + (extra || "");
  }
  function classify() {
    var ticket = ++state.pending;
    busy(true);
    $("status").textContent = t("checking");
    // The YAML that "Download YAML" saves, so the memo's line numbers point into that file.
    var body = yamlText();
    var headers = { "Content-Type": "text/yaml; charset=utf-8" };
    Promise.all([
      fetch("/api/classify" + query(), { method: "POST", headers: headers, body: body }),
      fetch("/api/classify" + query("&format=markdown"), { method: "POST", headers: headers, body: body })
    ]).then(function (rs) {
      return Promise.all([rs[0].json().then(function (j) { return { ok: rs[0].ok, json: j }; }), rs[1].text()]);
    }).then(function (both) {
      if (ticket !== state.pending || state.timerPending) return;
      $("status").textContent = t("upToDate");
      if (!both[0].ok) { showProblems(both[0].json); busy(false); return; }
      $("problems").hidden = true;
      var r = Array.isArray(both[0].json) ? both[0].json[0] : both[0].json;
      state.result = r;
      state.memo = both[1];
      render();
      busy(false);
    }).catch(function (e) { $("status").textContent = String(e); busy(false); });
  }
  function showProblems(problem) {
    var box = $("problems");
    box.textContent = "";
    box.hidden = false;
    var empty = Object.keys(state.measure).length === 0;
    box.appendChild(el("p", { text: empty ? t("noMeasure") : t("fixFirst") }));
    if (!empty) {
      var ul = el("ul");
      (problem.diagnostics || []).forEach(function (d) {
        var where = d.line ? d.file + ":" + d.line + ":" + d.column + " " : "";
        ul.appendChild(el("li", {}, [el("code", { text: where + d.id }), " " + d.message]));
      });
      box.appendChild(ul);
    }
    state.result = null;
    state.memo = "";
    $("verdicts").textContent = "";
    $("memo").textContent = "";
    $("memo-box").hidden = true;
    $("questions").textContent = "";
    $("no-questions").hidden = true;
  }

  // ---- rendering the verdicts, the changes and the questions ------------------------------------
  function catLabel(c) { return t("cat_" + c); }
  function render() {
    var r = state.result;
    var box = $("verdicts");
    box.textContent = "";
    r.verdicts.forEach(function (v) {
      var card = el("div", { class: "verdict cat-" + v.category, "data-regime": v.regime }, [
        el("h3", {}, [t("regime_" + v.regime) + ": ", el("span", { class: "category", text: catLabel(v.category) })])
      ]);
      if (v.grounds.length) card.appendChild(el("p", {}, [t("grounds") + ": ", el("code", { text: v.grounds.join(", ") })]));
      if (v.exemption) {
        card.appendChild(el("p", { text: t("exemption") + ": " + v.exemption.citation + " (" + (v.exemption.until ? t("until") + " " + v.exemption.until : t("noEnd")) + ")" }));
      }
      if (v.citations.length) card.appendChild(el("p", { class: "cite", text: v.citations.join("; ") }));
      if (v.unverified && v.unverified.length) card.appendChild(el("p", { class: "warn", text: t("unverified") + ": " + v.unverified.join(", ") }));
      var open = v.questions.length + (v.exemption_questions || []).length;
      if (open) card.appendChild(el("p", {}, [el("a", { href: "#questions-panel", class: "to-questions", text: t("openQuestions").replace("%d", open) })]));
      box.appendChild(card);
    });
    $("memo").textContent = state.memo;
    $("memo-box").hidden = !state.memo;
    renderChanges();
    renderQuestions();
  }
  function renderChanges() {
    var box = $("changes");
    if (!state.previous || !state.result) { box.hidden = true; return; }
    var lines = [];
    state.result.verdicts.forEach(function (v) {
      var before = state.previous.verdicts.filter(function (p) { return p.regime === v.regime; })[0];
      if (!before) return;
      if (before.category !== v.category) lines.push(t("regime_" + v.regime) + ": " + catLabel(before.category) + " → " + catLabel(v.category));
      var eb = before.exemption ? before.exemption.rule : null, ea = v.exemption ? v.exemption.rule : null;
      if (eb !== ea) lines.push(t("regime_" + v.regime) + " " + t("exemption") + ": " + (eb || "—") + " → " + (ea || "—"));
      var gb = before.grounds.join(", "), ga = v.grounds.join(", ");
      if (gb !== ga && before.category === v.category) lines.push(t("regime_" + v.regime) + " " + t("grounds") + ": " + (gb || "—") + " → " + (ga || "—"));
    });
    box.textContent = "";
    box.appendChild(el("strong", { text: lines.length ? t("changed") : t("unchanged") }));
    if (lines.length) {
      var ul = el("ul");
      lines.forEach(function (l) { ul.appendChild(el("li", { text: l })); });
      box.appendChild(ul);
    }
    box.hidden = false;
  }
  // The questions of both regimes, best first: each regime's list is ranked by the engine; the
  // regimes are interleaved and a fact asked by both is shown once.
  function openQuestions() {
    var lists = state.result.verdicts.map(function (v) {
      return v.questions.concat(v.exemption_questions || []).map(function (q) { q.regime = v.regime; return q; });
    });
    var seen = {}, out = [];
    for (var i = 0; lists.some(function (l) { return i < l.length; }); i++) {
      lists.forEach(function (l) {
        var q = l[i];
        if (!q) return;
        if (seen[q.fact]) { seen[q.fact].regimes.push(q.regime); return; }
        q.regimes = [q.regime];
        seen[q.fact] = q;
        out.push(q);
      });
    }
    return out;
  }
  function answersFor(fact) {
    var p = schemaAt(fact);
    var k = kind(p);
    if (k === "tri") return [[true, t("yes")], [false, t("no")]];
    var known = function (o) { return o !== "unknown"; };
    if (k === "choice") return p.enum.filter(known).map(function (o) { return [o, o]; });
    if (k === "choices") return p.items.enum.filter(known).map(function (o) { return [[o], o]; });
    return null;
  }
  function renderQuestions() {
    var list = $("questions");
    list.textContent = "";
    var qs = openQuestions();
    $("no-questions").hidden = qs.length > 0;
    qs.forEach(function (q, n) {
      var item = el("li", { class: "question", "data-fact": q.fact }, [
        el("p", { class: "q-text", text: q.question }),
        el("p", { class: "q-meta" }, [t("fact") + ": ", el("code", { text: q.fact }), " · " + q.regimes.map(function (r) { return t("regime_" + r); }).join(", ") + " · ", el("code", { text: q.rule })])
      ]);
      if (q.outcomes && q.outcomes.length) {
        var out = el("ul", { class: "outcomes" });
        q.outcomes.forEach(function (o) {
          var text = t("ifAnswer") + " " + answerLabel(o.answer) + ": " + catLabel(o.category) + (o.exemption ? " (" + t("exemption") + ": " + (o.exemption.rule || o.exemption) + ")" : "");
          out.appendChild(el("li", { text: text }));
        });
        item.appendChild(out);
      }
      var row = el("div", { class: "answers no-print" });
      var answers = answersFor(q.fact);
      if (answers) {
        answers.forEach(function (a) {
          var b = el("button", { type: "button", class: "answer", "data-answer": String(a[0]), text: a[1] });
          b.addEventListener("click", function () { answer(q.fact, a[0]); });
          row.appendChild(b);
        });
      } else {
        var input = el("input", { type: "text", "aria-label": t("answer") });
        var ok = el("button", { type: "button", class: "answer", text: t("answer") });
        ok.addEventListener("click", function () {
          var v = input.value.trim();
          if (v) answer(q.fact, kind(schemaAt(q.fact)) === "list" ? v.split(/\s*,\s*/) : v);
        });
        row.appendChild(input);
        row.appendChild(ok);
      }
      item.appendChild(row);
      list.appendChild(item);
    });
  }
  function answerLabel(a) {
    if (a === true || a === "yes") return t("yes");
    if (a === false || a === "no") return t("no");
    return String(a);
  }
  function answer(fact, value) {
    state.previous = state.result;
    setPath(state.measure, fact, value);
    syncField(fact);
    classify();
  }
  function syncField(path) {
    var input = document.querySelector('[data-path="' + path + '"]:not(div):not(details)');
    if (!input) { buildForm(); return; }
    var p = schemaAt(path), v = getPath(state.measure, path);
    if (kind(p) === "tri") input.value = triValue(v);
    else if (kind(p) === "choices") Array.prototype.forEach.call(input.querySelectorAll("input"), function (b) { b.checked = Array.isArray(v) && v.indexOf(b.value) >= 0; });
    else if (kind(p) === "list") input.value = Array.isArray(v) ? v.join("\n") : "";
    else input.value = v === undefined ? "" : String(v);
    var box = input.closest("details");
    if (box) box.open = true;
  }

  // ---- loading text, buttons, language ----------------------------------------------------------
  function loadText(text, name) {
    var markdown = /\.(md|markdown)$/i.test(name || "") || /^---\s*\n[\s\S]*?\n---\s*\n\s*\S/.test(text) && /\n#/.test(text);
    fetch("/api/measure/json", { method: "POST", headers: { "Content-Type": markdown ? "text/markdown" : "text/yaml" }, body: text })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (res) {
        var errors = $("paste-errors");
        if (!res.ok) { errors.hidden = false; errors.textContent = t("loadFailed") + "\n" + res.json.text; return; }
        errors.hidden = true;
        var m = Array.isArray(res.json) ? res.json[0] : res.json;
        if (!m || typeof m !== "object") { errors.hidden = false; errors.textContent = t("loadFailed"); return; }
        setMeasure(m);
        showTab("form");
      });
  }
  function setMeasure(m) {
    state.measure = m;
    state.previous = null;
    buildForm();
    classify();
  }
  function showTab(which) {
    $("measure-form").hidden = which !== "form";
    $("paste-box").hidden = which !== "paste";
    $("tab-form").classList.toggle("active", which === "form");
    $("tab-paste").classList.toggle("active", which === "paste");
    if (which === "paste" && !$("paste-text").value && Object.keys(state.measure).length) $("paste-text").value = yamlText();
  }
  function download() {
    var blob = new Blob([yamlText()], { type: "text/yaml" });
    var a = el("a", { href: URL.createObjectURL(blob), download: (state.measure.id || "measure") + ".yaml" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function copyMemo() {
    var done = function () { $("status").textContent = t("copied"); };
    var fail = function () { $("status").textContent = t("copyFailed"); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(state.memo).then(done, fail);
    else {
      var ta = el("textarea");
      ta.value = state.memo;
      document.body.appendChild(ta);
      ta.select();
      try { document.execCommand("copy") ? done() : fail(); } catch (e) { fail(); }
      ta.remove();
    }
  }
  function setLang(lang) {
    state.lang = I18N[lang] ? lang : "en";
    document.documentElement.lang = state.lang;
    try { localStorage.setItem("subsidy.lang", state.lang); } catch (e) { /* private mode */ }
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (e) { e.textContent = t(e.getAttribute("data-t")); });
    $("lang-en").classList.toggle("active", state.lang === "en");
    $("lang-ru").classList.toggle("active", state.lang === "ru");
    buildForm();
    if (state.result) render();
    else if (Object.keys(state.measure).length === 0) showProblems({});
  }

  function start() {
    $("tab-form").addEventListener("click", function () { showTab("form"); });
    $("tab-paste").addEventListener("click", function () { showTab("paste"); });
    $("load-example").addEventListener("click", function () { setMeasure(JSON.parse(JSON.stringify(EXAMPLE))); showTab("form"); });
    $("clear-measure").addEventListener("click", function () { $("paste-text").value = ""; setMeasure({}); });
    $("paste-load").addEventListener("click", function () { loadText($("paste-text").value, ""); });
    $("upload").addEventListener("change", function () {
      var file = this.files[0];
      if (!file) return;
      file.text().then(function (text) { $("paste-text").value = text; loadText(text, file.name); });
    });
    $("download-yaml").addEventListener("click", download);
    $("copy-memo").addEventListener("click", copyMemo);
    $("print").addEventListener("click", function () { window.print(); });
    $("as-of").addEventListener("change", function () { state.previous = null; classify(); });
    $("lang-en").addEventListener("click", function () { setLang("en"); });
    $("lang-ru").addEventListener("click", function () { setLang("ru"); });
    if (!$("as-of").value) $("as-of").value = new Date().toISOString().slice(0, 10);
    var saved = null;
    try { saved = localStorage.getItem("subsidy.lang"); } catch (e) { /* private mode */ }
    var wanted = saved || ((navigator.language || "").slice(0, 2) === "ru" ? "ru" : "en");
    fetch("/api/schema/measure").then(function (r) { return r.json(); }).then(function (schema) {
      state.schema = schema;
      setLang(wanted);
      showTab("form");
    });
  }
  start();
})();
