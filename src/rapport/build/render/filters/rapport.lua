--[[
rapport.lua: what Quarto would do for this book, for pandoc's html and typst writers.

Reads the book index written by Python (metadata `rapport-index`: a JSON file path) and
  * numbers headings («3.1 Tittel», «Vedlegg 1: Tittel») from the index;
  * turns @fig-x / @tbl-x / @sec-x (pandoc Cite elements) into links with Norwegian text
    («Figur 3», «Tabell 2», «kapittel 3.1»; @Fig-x capitalises, [-@fig-x] gives the number);
  * turns `::: {#fig-x}` and `::: {#tbl-x}` exhibit divs into figures with the caption ABOVE
    («Figur 3: …»), keeping `fig-alt` as the image's alt text (Typst: `image(alt: …)`);
  * wraps `.kilde` and `.tabellnote` divs for the Typst template;
  * resolves local paths (`/x` = project root, else relative to the chapter file): in HTML to
    the copy in the site (`_build/artifacts/` -> `data/`), in Typst to root-relative `/x`;
  * turns `.rapport-pagebreak` into a Typst page break.
Chapter marker divs (`.rapport-chapter`, inserted by Python before each chapter) tell which
file a block came from; they stay in the HTML output (Python splits pages on them) and are
dropped from Typst.
]]

local index = nil
local current_file = ""
local target_format = os.getenv("RAPPORT_FORMAT") or FORMAT
local is_typst = target_format:match("typst") ~= nil

local function load_index(meta)
  local path = meta["rapport-index"]
  if path == nil then
    error("rapport.lua: metadata rapport-index is missing")
  end
  path = pandoc.utils.stringify(path)
  local fh = assert(io.open(path, "r"))
  local text = fh:read("a")
  fh:close()
  index = pandoc.json.decode(text, false)
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

local function page_of(rel)
  if rel == "index.qmd" then return "index.html" end
  return (rel:match("([^/]+)%.qmd$") or rel) .. ".html"
end

local function site_path(rel)
  return (rel:gsub("^_build/artifacts/", "data/"))
end

local function map_target(target, is_link)
  if not is_local(target) then return target end
  local rel, frag = resolve(target)
  if rel:match("%.qmd$") then
    if is_typst then return nil end
    return page_of(rel) .. frag
  end
  if is_typst then return "/" .. rel .. frag end
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
  return head ~= nil and xref_kinds[head:lower()] == true
end

local function link_to(id, e)
  if is_typst then return "#" .. id end
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

function F.Div(div)
  local id = div.identifier
  if id:match("^fig%-") then return exhibit(div, "fig") end
  if id:match("^tbl%-") then return exhibit(div, "tbl") end
  if div.classes:includes("rapport-pagebreak") then
    if is_typst then return pandoc.RawBlock("typst", "#pagebreak(weak: true)") end
    return {}
  end
  if is_typst then
    for _, cls in ipairs({ "kilde", "tabellnote", "boks" }) do
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

function Pandoc(doc)
  load_index(doc.meta)
  local out = pandoc.Blocks({})
  for _, blk in ipairs(doc.blocks) do
    if blk.t == "Div" and blk.classes:includes("rapport-chapter") then
      current_file = blk.attributes["file"] or ""
      if not is_typst then out:insert(blk) end
    else
      local wrapper = pandoc.Div({ blk })
      out:extend(wrapper:walk(F).content)
    end
  end
  doc.blocks = out
  return doc
end
