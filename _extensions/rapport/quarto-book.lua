--[[
quarto-book.lua: the house PDF's book structure under `quarto render` (Quarto only; the
project's own renderer numbers the book itself, see rapport.lua). Quarto 1.10 leaves parts and
appendices of a Typst book to the book's format extension (quarto-cli
src/resources/filters/quarto-pre/book-numbering.lua); this is that piece for the house template,
run `at: post-quarto` like Quarto's own orange-book.lua:
  * Quarto's scheme for exhibits, as in its HTML book: «Figur 3.1», «Tabell B.1» (Quarto resets
    the float counters at every chapter; the house template shows the chapter before them);
  * the appendices: Quarto's synthetic «Vedlegg» part heading gives way to
    `rapport-appendices`, which letters the appendix chapters («Vedlegg A: …», Quarto's letters);
  * a chapter whose content is all HTML-only (the gallery) is left out of the PDF with its
    title: Quarto keeps a book chapter's title even when its content is hidden;
  * the PDF's date is the book's date (Quarto's Typst run uses the time of the build).
]]

local function typst_book()
  local state = quarto.doc.file_metadata()
  return quarto.doc.is_format("typst") and state ~= nil and state.file ~= nil
end

local appendices_started = false

local header_filter = {
  Header = function(el)
    if el.level ~= 1 or appendices_started or not typst_book() then return nil end
    local file = quarto.doc.file_metadata().file
    if file.bookItemType ~= "appendix" and file.appendix ~= true then return nil end
    appendices_started = true
    local language = quarto.doc.language or {}
    local title = language["section-title-appendices"] or "Appendices"
    local start = pandoc.RawBlock("typst", "#show: rapport-appendices.with(title: \""
      .. title:gsub('[\\"]', "\\%0") .. "\")")
    if el.classes:includes("unnumbered") then return start end  -- the synthetic part heading
    return { start, el }
  end,
}

-- Blocks that print nothing: Quarto's file markers and empty raw or plain blocks.
local function blank(blk)
  if blk.t == "RawBlock" then return blk.text:match("^%s*$") ~= nil or blk.format == "html" end
  if blk.t == "Plain" or blk.t == "Para" then return pandoc.utils.stringify(blk) == "" and
    #blk.content == 0 end
  if blk.t == "Div" then
    for _, b in ipairs(blk.content) do if not blank(b) then return false end end
    return true
  end
  return false
end

-- The PDF's creation date: the book's date (`book: date:` in _quarto.yml, ISO), not the time
-- of the build, so that two builds give the same bytes. Quarto hands the filters only the
-- formatted date («10. juni 2024»), so the date is read from _quarto.yml itself.
function book_date()
  local dir = quarto.project and quarto.project.directory
  local fh = dir and io.open(pandoc.path.join({ dir, "_quarto.yml" }), "r")
  if fh == nil then return nil end
  local meta = pandoc.read("---\n" .. fh:read("a") .. "\n---\n", "markdown").meta
  fh:close()
  local raw = meta.book and meta.book.date or meta.date
  local y, m, d = pandoc.utils.stringify(raw or ""):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if y == nil then return nil end
  return string.format("#set document(date: datetime(year: %d, month: %d, day: %d))",
    tonumber(y), tonumber(m), tonumber(d))
end

local function drop_empty_chapters(doc)
  if not quarto.doc.is_format("typst") then return nil end
  local out, i, blocks = pandoc.Blocks({}), 1, doc.blocks
  while i <= #blocks do
    local blk = blocks[i]
    if blk.t == "Header" and blk.level == 1 and not blk.classes:includes("unnumbered") then
      local j = i + 1
      while j <= #blocks and not (blocks[j].t == "Header" and blocks[j].level == 1)
          and blank(blocks[j]) do j = j + 1 end
      if j > #blocks or (blocks[j].t == "Header" and blocks[j].level == 1) then
        i = j  -- nothing but the title: the chapter is HTML-only
      else
        out:insert(blk); i = i + 1
      end
    else
      out:insert(blk); i = i + 1
    end
  end
  out:insert(1, pandoc.RawBlock("typst", "#show: rapport-quarto-numbering"))
  local date = book_date()
  if date ~= nil then out:insert(1, pandoc.RawBlock("typst", date)) end
  doc.blocks = out
  return doc
end

return quarto.utils.combineFilters({
  quarto.utils.file_metadata_filter(),
  header_filter,
  { Pandoc = drop_empty_chapters },
})
