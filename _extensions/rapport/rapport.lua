--[[
rapport.lua: the house's rendering rules, for both renderers (Quarto through _extension.yml,
the project's own renderer through pandoc --lua-filter).

Under `quarto render`, Quarto numbers and cross-references; this filter only
  * wraps `.kilde` and `.tabellnote` divs for the house Typst template;
  * in the Word copy (`--to rapport-docx`), gives «Kilde:» lines, notes and boxes the reference
    document's styles and each picture its `fig-alt` as Word's description;
  * sets the house style's font and colours as CSS custom properties in the HTML head.
Under the project's renderer (environment RAPPORT_FORMAT set) it runs twice. The first pass
numbers the book as the house style says (`build_index`) and stores the index as JSON in the
metadata (`rapport-index`), which Python reads for its checks and pages. The second pass
applies it, doing what Quarto would:
  * numbers headings («3.1 Tittel», «Vedlegg 1: Tittel») from the index;
  * turns @fig-x / @tbl-x / @sec-x (pandoc Cite elements) into links with Norwegian text
    («Figur 3», «Tabell 2», «kapittel 3.1»; @Fig-x capitalises, [-@fig-x] gives the number);
  * turns `::: {#fig-x}` and `::: {#tbl-x}` exhibit divs into figures with the caption ABOVE
    («Figur 3: …»), keeping `fig-alt` as the image's alt text (Typst: `image(alt: …)`);
  * resolves local paths (`/x` = project root, else relative to the chapter file): in HTML to
    the copy in the site (`_build/artifacts/` -> `data/`), in Typst to root-relative `/x`;
    the files the HTML links to are listed in the output's metadata `rapport-files`
    ({source, site}) for the renderer to copy, missing ones in `rapport-missing`;
  * numbers the custom float kinds of `crossref: custom:` (Quarto's own syntax, e.g. `key: box`,
    `reference-prefix: Faktaboks`): a `::: {#box-x}` div, caption paragraph last as for Quarto,
    becomes a framed box titled «Faktaboks 3-1: …» (counted like figures, per chapter when the
    house style numbers per chapter), and @box-x refers to it;
  * turns `.rapport-pagebreak` into a Typst page break.
For the reviewers' Word copy (RAPPORT_FORMAT=docx, the project's renderer only) the second pass
does the same with Word's means: captions and «Kilde:» lines as paragraphs in the reference
document's styles (`custom-style`), exhibits as bookmarks, images by their project path.
Chapter marker divs (`.rapport-chapter`, inserted by Python before each chapter) tell which
file a block came from; they stay in the HTML output (Python splits pages on them) and are
dropped from Typst.
]]

local index = nil
local current_file = ""
local target_format = os.getenv("RAPPORT_FORMAT") or FORMAT
local is_typst = target_format:match("typst") ~= nil
local is_docx = target_format:match("docx") ~= nil
local paged = is_typst or is_docx   -- one document, not a site of pages

-- ------------------------------------------------------------------------------------------
-- The book index (the project's renderer only; under Quarto, Quarto numbers). Chapters 1, 2, …,
-- sections 1.1, 1.1.1 (to `number-depth`); appendices «Vedlegg 1» or «Vedlegg A»
-- (house-style.appendix-numbering); figures and tables in reading order, «Figur 12» across the
-- book or «Figur 5-12» per chapter (house-style.numbering, numbering-separator); captions
-- «Figur 3: …» (house-style.caption-delimiter). Wording from `crossref:` and `language:`.

local function text_of(meta, key, default)
  local value = meta and meta[key]
  if value == nil then return default end
  return pandoc.utils.stringify(value)
end

local function caption_of(el)
  if el.t == "Div" then
    local last = el.content[#el.content]
    if last and (last.t == "Para" or last.t == "Plain") then return pandoc.utils.stringify(last.content) end
    return ""
  end
  return pandoc.utils.stringify(el.caption.long or el.caption)
end

local function build_index(doc)
  local meta = doc.meta
  local cr, lang, style = meta.crossref or {}, meta.language or {}, meta["house-style"] or {}
  local fig_prefix, tbl_prefix = text_of(cr, "fig-prefix", "Figur"), text_of(cr, "tbl-prefix", "Tabell")
  local fig_title, tbl_title = text_of(cr, "fig-title", "Figur"), text_of(cr, "tbl-title", "Tabell")
  local delim = text_of(style, "caption-delimiter", text_of(cr, "title-delim", ":"))
  local per_chapter = text_of(style, "numbering", "global") == "chapter"
  local separator = text_of(style, "numbering-separator", "-")
  local letters = text_of(style, "appendix-numbering", "1") == "A"
  local sec_prefix = text_of(cr, "sec-prefix", "kapittel")
  local apx_prefix = text_of(lang, "crossref-apx-prefix", "vedlegg")
  local apx_title, apx_delim = text_of(cr, "appendix-title", "Vedlegg"), text_of(cr, "appendix-delim", ":")
  local depth = tonumber(text_of(meta, "number-depth", "3"))

  -- Custom float kinds (`crossref: custom:` with `kind: float`), each with its own counter.
  local customs = {}
  for i, c in ipairs(cr.custom or {}) do
    if text_of(c, "kind", "") == "float" then
      local key = text_of(c, "key", "")
      if not key:match("^%l+$") or key == "fig" or key == "tbl" or key == "sec" then
        error("_quarto.yml:1: crossref: custom: entry " .. i .. ": key «" .. key
          .. "»: expected lower-case letters other than fig, tbl and sec (e.g. box)", 0)
      end
      local ref = text_of(c, "reference-prefix", key)
      table.insert(customs, { key = key, ref = ref, title = text_of(c, "caption-prefix", ref) })
    end
  end

  local idx = { entries = {}, pages = {}, refs_page = "", problems = {} }
  local page, numbered = nil, nil
  local chap_no, app_no, fig_no, tbl_no = 0, 0, 0, 0
  local counters, chapter_label = {}, ""
  local custom_no = {}

  local function add(ident, entry)
    if ident == "" then return end
    if idx.entries[ident] ~= nil then
      table.insert(idx.problems, { "#" .. ident, "duplicate id #" .. ident .. " (also on "
        .. idx.entries[ident].page .. ")" })
      return
    end
    idx.entries[ident] = entry
  end
  local function exhibit_number(n)
    if per_chapter and chapter_label ~= "" then return chapter_label .. separator .. n end
    return tostring(n)
  end
  local function exhibit(el, kind, title, count)
    local n = exhibit_number(count)
    add(el.identifier, { kind = kind, page = page.page, title = caption_of(el), number = n,
      label = (kind == "fig" and fig_prefix or tbl_prefix) .. " " .. n,
      prefix = title .. " " .. n .. delim, part = page.part })
  end

  local visit = {
    traverse = "topdown",
    Header = function(h)
      local title = pandoc.utils.stringify(h.content)
      local unnumbered = h.classes:includes("unnumbered")
      if h.level == 1 and numbered == nil then
        numbered = not (unnumbered or page.page == "index.html")
        if not numbered and page.part == "main" then page.part = "front" end
        page.title, page.id = title, h.identifier
      end
      local entry = { kind = "sec", page = page.page, title = title, number = "", label = title,
        prefix = "", level = h.level, part = page.part }
      if numbered and not unnumbered and h.level <= depth then
        local appendix = page.part == "appendix"
        if h.level == 1 then
          if appendix then app_no = app_no + 1 else chap_no = chap_no + 1 end
          counters = { appendix and (letters and string.char(64 + app_no) or app_no) or chap_no }
          chapter_label = tostring(counters[1])
          if per_chapter then fig_no, tbl_no, custom_no = 0, 0, {} end
        else
          for i = #counters + 1, h.level do counters[i] = 0 end
          for i = h.level + 1, #counters do counters[i] = nil end
          counters[h.level] = counters[h.level] + 1
        end
        local parts = {}
        for i, c in ipairs(counters) do parts[i] = tostring(c) end
        entry.number = table.concat(parts, ".")
        entry.label = (appendix and apx_prefix or sec_prefix) .. " " .. entry.number
        entry.prefix = (appendix and h.level == 1) and (apx_title .. " " .. entry.number .. apx_delim)
          or entry.number
        if h.level == 1 then page.prefix = entry.prefix end
      end
      add(h.identifier, entry)
    end,
  }
  local function float(el)
    local ident = el.identifier
    if ident == "refs" then idx.refs_page = page.page end
    if ident:match("^fig%-") then
      fig_no = fig_no + 1
      exhibit(el, "fig", fig_title, fig_no)
    elseif ident:match("^tbl%-") and el.classes:includes("unnumbered") then
      -- the published report's «tabellen under»: captioned, outside the Tabell count
      add(ident, { kind = "tbl", page = page.page, title = caption_of(el), number = "",
        label = "tabellen", prefix = "", part = page.part })
    elseif ident:match("^tbl%-") then
      tbl_no = tbl_no + 1
      exhibit(el, "tbl", tbl_title, tbl_no)
    elseif el.t == "Div" then
      for _, c in ipairs(customs) do
        if ident:sub(1, #c.key + 1) == c.key .. "-" then
          custom_no[c.key] = (custom_no[c.key] or 0) + 1
          local n = exhibit_number(custom_no[c.key])
          add(ident, { kind = c.key, page = page.page, title = caption_of(el), number = n,
            label = c.ref .. " " .. n, prefix = c.title .. " " .. n .. delim, part = page.part })
        end
      end
    end
  end
  visit.Div, visit.Figure, visit.Table = float, float, float

  for _, blk in ipairs(doc.blocks) do
    if blk.t == "Div" and blk.classes:includes("rapport-chapter") then
      local a = blk.attributes
      page = { page = a.page, file = a.file, part = a.part, title = "", prefix = "", id = "" }
      table.insert(idx.pages, page)
      numbered = nil
    elseif page ~= nil then
      pandoc.Blocks({ blk }):walk(visit)
    end
  end
  if per_chapter and not letters then
    for _, p in ipairs(idx.pages) do
      if p.part == "appendix" then
        error('_quarto.yml:1: house-style: numbering: chapter needs appendix-numbering: "A" '
          .. "(with \"1\", «Tabell 3-1» would name a table in kapittel 3 and one in vedlegg 3)", 0)
      end
    end
  end
  return idx
end

-- ------------------------------------------------------------------------------------------
-- Paths

local function dirname(p)
  return p:match("^(.*)/[^/]*$") or ""
end

local function normalize(p)
  local parts = {}
  for seg in p:gmatch("[^/]+") do
    if seg == ".." then
      table.remove(parts)
    elseif seg ~= "." then
      table.insert(parts, seg)
    end
  end
  return table.concat(parts, "/")
end

local function is_local(target)
  if target == "" or target:sub(1, 1) == "#" then return false end
  local first = target:match("^[^/]*")
  if first:find(":") then return false end
  return true
end

-- root-relative path of a local target, and the #fragment (if any)
local function resolve(target)
  local path, frag = target:match("^([^#]*)(#?.*)$")
  local rel
  if path:sub(1, 1) == "/" then
    rel = normalize(path:sub(2))
  else
    rel = normalize(dirname(current_file) .. "/" .. path)
  end
  return rel, frag
end

local function site_path(rel)
  return (rel:gsub("^_build/artifacts/", "data/"))
end

local function page_of(rel)
  for _, page in ipairs(index.pages) do
    if page.file == rel then return page.page end
  end
  return nil
end

local files, missing = {}, {}

local function record(rel, target)
  if files[rel] ~= nil or missing[target] then return end
  local fh = io.open(rel, "r")
  if fh == nil then
    missing[target] = true
    return
  end
  fh:close()
  files[rel] = site_path(rel)
end

local function map_target(target, is_link)
  if not is_local(target) then return target end
  local rel, frag = resolve(target)
  if rel:match("%.qmd$") then
    if paged or page_of(rel) == nil then return nil end
    return page_of(rel) .. frag
  end
  if is_typst then return "/" .. rel .. frag end
  if is_docx then return rel .. frag end
  record(rel, target)
  return site_path(rel) .. frag
end

-- ------------------------------------------------------------------------------------------
-- Helpers

local function typst_string(s)
  s = s:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", " ")
  return '"' .. s .. '"'
end

local function typst_markup(inlines)
  local doc = pandoc.Pandoc({ pandoc.Plain(inlines) })
  local out = pandoc.write(doc, "typst-citations")
  return (out:gsub("%s+$", ""))
end

local function html_markup(inlines)
  local doc = pandoc.Pandoc({ pandoc.Plain(inlines) })
  local out = pandoc.write(doc, "html5")
  return (out:gsub("%s+$", ""))
end

local function html_escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

local function entry(id)
  return index.entries[id]
end

local function lower_first(s)
  return s:sub(1, 1):lower() .. s:sub(2)
end

local function upper_first(s)
  -- the labels start with ASCII letters («kapittel», «vedlegg», «Figur», «Tabell»)
  return s:sub(1, 1):upper() .. s:sub(2)
end

local xref_kinds = { fig = true, tbl = true, sec = true, eq = true, lst = true, thm = true,
  lem = true, cor = true, prp = true, cnj = true, def = true, exm = true, exr = true }

local function is_xref(id)
  local head = id:match("^(%a+)%-")
  if head == nil then return false end
  if xref_kinds[head:lower()] then return true end
  local e = index and index.entries[id:sub(1, 1):lower() .. id:sub(2)]
  return e ~= nil and e.kind == head:lower()  -- a custom float kind (`crossref: custom:`)
end

local function link_to(id, e)
  if paged then return "#" .. id end
  return e.page .. "#" .. id
end

-- ------------------------------------------------------------------------------------------
-- Element filters (applied per top-level block, see Pandoc below)

local F = {}

function F.Cite(el)
  for _, c in ipairs(el.citations) do
    if not is_xref(c.id) then return nil end
  end
  local out = pandoc.Inlines({})
  local n = #el.citations
  for i, c in ipairs(el.citations) do
    if i > 1 then
      if i == n then
        out:extend({ pandoc.Space(), pandoc.Str("og"), pandoc.Space() })
      else
        out:extend({ pandoc.Str(","), pandoc.Space() })
      end
    end
    if #c.prefix > 0 then
      out:extend(c.prefix)
      out:insert(pandoc.Space())
    end
    local key = lower_first(c.id)
    local e = entry(key)
    if e == nil then
      out:insert(pandoc.Strong({ pandoc.Str("?" .. c.id .. "?") }))
    else
      local text = e.label
      if c.mode == "SuppressAuthor" and e.number ~= "" then
        text = e.number
      elseif c.id:sub(1, 1):match("%u") then
        text = upper_first(text)
      end
      out:insert(pandoc.Link(pandoc.Inlines(text), link_to(key, e), "",
        pandoc.Attr("", { "xref" })))
    end
    if #c.suffix > 0 then
      out:extend(c.suffix)
    end
  end
  return out
end

function F.Image(img)
  local alt = img.attributes["fig-alt"]
  if alt == nil or alt == "" then
    alt = pandoc.utils.stringify(img.caption)
  end
  img.attributes["fig-alt"] = nil
  local src = map_target(img.src) or img.src
  if is_typst then
    return pandoc.RawInline("typst",
      "#rapport-image(" .. typst_string(src) .. ", alt: " .. typst_string(alt) .. ")")
  end
  img.src = src
  img.caption = pandoc.Inlines(alt)
  return img
end

function F.Link(link)
  if link.target:sub(1, 1) == "#" then return nil end
  local target = map_target(link.target, true)
  if target == nil then
    return link.content  -- a link to another .qmd page: plain text in the PDF
  end
  link.target = target
  return link
end

function F.Header(h)
  local e = entry(h.identifier)
  local prefix = e and e.prefix or ""
  if is_typst then
    -- Numbers come from the index (the same as in HTML), not from Typst's counter.
    if not h.classes:includes("unnumbered") then h.classes:insert("unnumbered") end
    if prefix ~= "" then
      local content = pandoc.Inlines({ pandoc.Str(prefix),
        pandoc.RawInline("typst", "#h(0.45em)") })
      content:extend(h.content)
      h.content = content
    end
    return h
  end
  if prefix ~= "" then
    local content = pandoc.Inlines({
      pandoc.Span({ pandoc.Str(prefix) }, pandoc.Attr("", { "header-section-number" })),
      pandoc.Space() })
    content:extend(h.content)
    h.content = content
  end
  return h
end

local function split_caption(div)
  -- exhibit div = body blocks + caption paragraph (last)
  local blocks = pandoc.Blocks({})
  for _, b in ipairs(div.content) do blocks:insert(b) end
  local caption = pandoc.Inlines({})
  local last = blocks[#blocks]
  if last and (last.t == "Para" or last.t == "Plain") then
    caption = last.content
    blocks:remove(#blocks)
  end
  return blocks, caption
end

-- Tables with at most this many body rows never break across PDF pages.
SHORT_TABLE_ROWS = 24

local function exhibit(div, kind)
  local e = entry(div.identifier)
  if e == nil then return nil end
  local blocks, caption = split_caption(div)
  local prefix = e.prefix
  if is_typst then
    local cap = typst_markup(caption)
    if prefix ~= "" then
      cap = "#text(weight: \"semibold\")[" .. typst_markup(pandoc.Inlines(prefix)) .. "] " .. cap
    end
    -- A table short enough for one page is kept whole (no two rows stranded on a page);
    -- a longer one breaks, with its caption kept on the first rows and the header repeated.
    local rows = 0
    blocks:walk({
      Table = function(t)
        for _, body in ipairs(t.bodies) do rows = rows + #body.body end
      end,
    })
    local keep = kind == "tbl" and rows > 0 and rows <= SHORT_TABLE_ROWS
    local out = pandoc.Blocks({
      pandoc.RawBlock("typst", (keep and "#block(breakable: false)[" or "")
        .. "#figure(kind: \"rapport-" .. kind .. "\", supplement: none, "
        .. "numbering: none, caption: [" .. cap .. "])["),
    })
    out:extend(blocks)
    out:insert(pandoc.RawBlock("typst", "] <" .. div.identifier .. ">" .. (keep and "]" or "")))
    return out
  end
  if is_docx then
    -- Caption above, in Word's caption style; the exhibit a bookmark for cross-references.
    local cap = pandoc.Inlines({})
    if prefix ~= "" then cap:insert(pandoc.Strong(pandoc.Inlines(prefix))); cap:insert(pandoc.Space()) end
    cap:extend(caption)
    local style = kind == "fig" and "Image Caption" or "Table Caption"
    local out = pandoc.Blocks({ pandoc.Div({ pandoc.Para(cap) }, pandoc.Attr("", {}, { ["custom-style"] = style })) })
    if kind == "fig" then
      -- the picture in a style that keeps it on the page of the «Kilde:» line below it
      out:insert(pandoc.Div(blocks, pandoc.Attr("", {}, { ["custom-style"] = "Figurbilde" })))
    else
      out:extend(blocks)
    end
    return pandoc.Div(out, pandoc.Attr(div.identifier, { "rapport-" .. kind }))
  end
  local cap_inlines = pandoc.Inlines({})
  if prefix ~= "" then
    cap_inlines:insert(pandoc.Span(pandoc.Inlines(prefix), pandoc.Attr("", { "caption-nr" })))
    cap_inlines:insert(pandoc.Space())
  end
  cap_inlines:extend(caption)
  if kind == "tbl" then
    -- The caption goes into the <table>'s own <caption> (shown above the table).
    local found = false
    blocks = blocks:walk({
      Table = function(t)
        if found then return nil end
        found = true
        t.caption = pandoc.Caption(pandoc.Blocks({ pandoc.Plain(cap_inlines) }))
        return t
      end,
    })
    if found then
      local wrapped = pandoc.Blocks({})
      for _, b in ipairs(blocks) do
        if b.t == "Table" then
          wrapped:insert(pandoc.Div({ b }, pandoc.Attr("", { "table-scroll" })))
        else
          wrapped:insert(b)
        end
      end
      return pandoc.Div(wrapped, pandoc.Attr(div.identifier, { "rapport-tabell" }))
    end
  end
  local out = pandoc.Blocks({
    pandoc.RawBlock("html", '<figure id="' .. html_escape(div.identifier)
      .. '" class="rapport-' .. (kind == "fig" and "figur" or "tabell") .. '">'),
    pandoc.RawBlock("html", "<figcaption>" .. html_markup(cap_inlines) .. "</figcaption>"),
  })
  out:extend(blocks)
  out:insert(pandoc.RawBlock("html", "</figure>"))
  return out
end

-- A numbered box of a custom float kind: framed, its title «Faktaboks 3-1: …» on top.
local function numbered_box(div, e)
  local blocks, caption = split_caption(div)
  if is_typst then
    local title = "#block(below: 0.8em, text(weight: \"semibold\")["
      .. typst_markup(pandoc.Inlines(e.prefix)) .. " " .. typst_markup(caption) .. "])"
    local out = pandoc.Blocks({ pandoc.RawBlock("typst", "#rapport-boks[" .. title) })
    out:extend(blocks)
    out:insert(pandoc.RawBlock("typst", "] <" .. div.identifier .. ">"))
    return out
  end
  local title = pandoc.Inlines({
    pandoc.Span(pandoc.Inlines(e.prefix), pandoc.Attr("", { "caption-nr" })), pandoc.Space() })
  title:extend(caption)
  local out = pandoc.Blocks({ pandoc.Div({ pandoc.Plain(title) }, pandoc.Attr("", { "boks-tittel" })) })
  out:extend(blocks)
  local attrs = is_docx and { ["custom-style"] = "Boks" } or {}
  return pandoc.Div(out, pandoc.Attr(div.identifier, { "boks", "rapport-" .. e.kind }, attrs))
end

-- Word: «Kilde:» lines, notes and boxes in the reference document's paragraph styles (both
-- renderers); notes under figures and under tables share one note style.
local DOCX_STYLES = { kilde = "Kilde", tabellnote = "Tabellnote", figurnote = "Tabellnote",
                      boks = "Boks" }

local function docx_styled(div)
  for cls, style in pairs(DOCX_STYLES) do
    if div.classes:includes(cls) then
      div.attributes["custom-style"] = style
      return div
    end
  end
  return nil
end

function F.Div(div)
  local id = div.identifier
  if id:match("^fig%-") then return exhibit(div, "fig") end
  if id:match("^tbl%-") then return exhibit(div, "tbl") end
  local e = id ~= "" and entry(id) or nil
  if e ~= nil and e.kind ~= "sec" and e.kind ~= "fig" and e.kind ~= "tbl" then
    return numbered_box(div, e)
  end
  if div.classes:includes("rapport-pagebreak") then
    if is_typst then return pandoc.RawBlock("typst", "#pagebreak(weak: true)") end
    if is_docx then return pandoc.RawBlock("openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>') end
    return {}
  end
  if is_docx then return docx_styled(div) end
  if is_typst then
    if div.classes:includes("kilde") and div.attributes["rapport-noted"] == "true" then
      local out = pandoc.Blocks({ pandoc.RawBlock("typst", "#rapport-kilde(noted: true)[") })
      out:extend(div.content)
      out:insert(pandoc.RawBlock("typst", "]"))
      return out
    end
    -- a figure's note comes last, under its Kilde line: «figurnote» before «tabellnote»
    for _, cls in ipairs({ "kilde", "figurnote", "tabellnote", "boks" }) do
      if div.classes:includes(cls) then
        local out = pandoc.Blocks({ pandoc.RawBlock("typst", "#rapport-" .. cls .. "[") })
        out:extend(div.content)
        out:insert(pandoc.RawBlock("typst", "]"))
        return out
      end
    end
  end
  return nil
end

-- ------------------------------------------------------------------------------------------
-- Document: walk each top-level block knowing which chapter file it came from.

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do table.insert(keys, k) end
  table.sort(keys)
  return keys
end

-- HTML: the house style's font and colours as CSS custom properties (rapport.css uses them).
local function house_css(meta)
  local style = meta["house-style"] or {}
  local colors = style.colors or {}
  local decl = {}
  for _, item in ipairs({ { "--navy", colors.primary }, { "--accent", colors.accent } }) do
    if item[2] ~= nil then
      local value = pandoc.utils.stringify(item[2])
      if not value:match("^#%x%x%x%x%x%x$") then
        error("house-style.colors: expected #rrggbb, got «" .. value .. "»")
      end
      table.insert(decl, item[1] .. ": " .. value)
    end
  end
  if style.font ~= nil then
    local font = pandoc.utils.stringify(style.font)
    if not font:match("^[%w %-]+$") then error("house-style.font: not a font name: «" .. font .. "»") end
    table.insert(decl, '--font: "' .. font .. '"')
  end
  if #decl == 0 then return nil end
  return "<style>:root { " .. table.concat(decl, "; ") .. " }</style>"
end

-- A «Kilde:» div followed by a figure note (`.figurnote`) is marked, so that Typst keeps the
-- two together and spaces the exhibit's footer after the note.
local function mark_noted_sources(blocks)
  for i = 1, #blocks - 1 do
    local a, b = blocks[i], blocks[i + 1]
    if a.t == "Div" and a.classes:includes("kilde") and b.t == "Div"
        and b.classes:includes("figurnote") then
      a.attributes["rapport-noted"] = "true"
    end
  end
end

-- Under Quarto: only the house's own blocks (Quarto numbers and cross-references).
local function house_blocks(doc)
  if is_docx then return nil end  -- the Word copy: see `Div` and `Image` below
  if not is_typst then
    local css = house_css(doc.meta)
    if css and quarto ~= nil then quarto.doc.include_text("in-header", css) end
    return nil
  end
  mark_noted_sources(doc.blocks)
  return doc:walk({ Div = function(div)
    if div.classes:includes("kilde") or div.classes:includes("tabellnote") then
      return F.Div(div)
    end
  end })
end

-- Under Quarto, the Word copy (`--to rapport-docx`): «Kilde:» lines, notes and boxes in the
-- reference document's styles, and each picture's `fig-alt` as Word's description (Quarto
-- leaves it empty). Element functions, not a walk inside `Pandoc`, so that Quarto's own walker
-- reaches the pictures inside its figure nodes. (The project's renderer does this in `F`.)
local quarto_docx = is_docx and os.getenv("RAPPORT_FORMAT") == nil

function Div(div)
  if quarto_docx then return docx_styled(div) end
end

function Image(img)
  if not quarto_docx then return nil end
  local alt = img.attributes["fig-alt"]
  if alt ~= nil and alt ~= "" then
    img.caption = pandoc.Inlines(alt)
    return img
  end
end

function Pandoc(doc)
  if os.getenv("RAPPORT_FORMAT") == nil then return house_blocks(doc) end  -- under Quarto
  if doc.meta["rapport-index"] == nil then
    -- first pass (the renderer's parse): number the book, hand the index to Python
    doc.meta["rapport-index"] = pandoc.json.encode(build_index(doc))
    return doc
  end
  index = pandoc.json.decode(pandoc.utils.stringify(doc.meta["rapport-index"]), false)
  if is_typst then mark_noted_sources(doc.blocks) end
  local out = pandoc.Blocks({})
  for _, blk in ipairs(doc.blocks) do
    if blk.t == "Div" and blk.classes:includes("rapport-chapter") then
      current_file = blk.attributes["file"] or ""
      if not paged then out:insert(blk) end
    else
      local wrapper = pandoc.Div({ blk })
      out:extend(wrapper:walk(F).content)
    end
  end
  doc.blocks = out
  local listed = {}
  for _, rel in ipairs(sorted_keys(files)) do
    table.insert(listed, { source = rel, site = files[rel] })
  end
  doc.meta["rapport-files"] = listed
  doc.meta["rapport-missing"] = sorted_keys(missing)
  if not is_typst then doc.meta["rapport-head"] = house_css(doc.meta) or "" end
  return doc
end
