--[[
exhibit.lua: the `exhibit` shortcode places an exhibit a notebook published.

    {{< exhibit 03-bruk/fig-kjennskap >}}

reads `_build/artifacts/03-bruk/fig-kjennskap.md` (the snippet `rapport.exhibits` writes, see
docs/architecture.md «Snippet syntax») when the chapter is rendered, i.e. after pre-render has
run the notebooks. Quarto's `include` cannot do this: Quarto expands includes while it reads the
project, before pre-render (quarto-cli #12491), so a fresh clone would stop at the first one.

Both renderers call this one handler: Quarto through `contributes: shortcodes:` in
_extension.yml, the project's own renderer through its stand-in for Quarto's shortcode engine.
]]

local ARTIFACTS = "_build/artifacts/"

local function project_dir()
  if quarto ~= nil and quarto.project ~= nil and quarto.project.directory ~= nil then
    return quarto.project.directory
  end
  return pandoc.system.get_working_directory()  -- the project's renderer runs pandoc there
end

local function is_typst()
  return quarto ~= nil and quarto.doc ~= nil and quarto.doc.is_format ~= nil
    and quarto.doc.is_format("typst")
end

-- Under Quarto, an id `#tbl-…` always makes a numbered float and `.unnumbered` is ignored.
-- A table published with `numbered=False` (`::: {#tbl-x .unnumbered}`: caption paragraph last)
-- therefore becomes a plain table with that caption, which Quarto leaves unnumbered. Quarto's
-- Typst output drops a plain table's caption (measured with 1.10.18), so for Typst the caption
-- is a block above the table in the house's caption style (`rapport-caption`).
function unnumbered_table(div, found)
  if not (div.identifier:match("^tbl%-") and div.classes:includes("unnumbered")) then return nil end
  local last = div.content[#div.content]
  if last == nil or last.t ~= "Para" then return nil end
  local caption = last.content
  div.content:remove(#div.content)
  if is_typst() then
    div.content:insert(1, pandoc.RawBlock("typst", "#rapport-caption["))
    div.content:insert(2, pandoc.Plain(caption))
    div.content:insert(3, pandoc.RawBlock("typst", "]"))
  else
    div.content = div.content:walk({ Table = function(t)
      t.caption = pandoc.Caption({ pandoc.Plain(caption) })
      return t
    end })
  end
  div.attributes["exhibit"] = div.identifier
  div.identifier = ""
  found()
  return div
end

local function exhibit(args)
  local name = args[1] and pandoc.utils.stringify(args[1]) or ""
  local kind = name:match("^[%w._-]+/(%a+)%-[%w._-]+$")
  if kind ~= "fig" and kind ~= "tbl" and kind ~= "quote" then
    error("exhibit: expected `{{< exhibit <notebook>/<fig-, tbl- or quote-id> >}}`, got «"
      .. name .. "»")
  end
  local rel = ARTIFACTS .. name .. ".md"
  local fh = io.open(pandoc.path.join({ project_dir(), rel }), "r")
  if fh == nil then
    error("exhibit " .. name .. ": " .. rel .. " does not exist; the notebook that publishes it "
      .. "has not run or does not publish it (run: python -m rapport.pipeline.cli prepare)")
  end
  local text = fh:read("a")
  fh:close()
  RAPPORT_SHORTCODE_SOURCE = rel  -- lets the project's renderer name this file in its checks
  if quarto == nil or quarto.utils == nil or quarto.utils.string_to_blocks == nil then
    return pandoc.read(text, "markdown", PANDOC_READER_OPTIONS).blocks  -- the project's renderer numbers them itself
  end
  local blocks = pandoc.read(text, "markdown", PANDOC_READER_OPTIONS).blocks
  local unnumbered = false
  blocks = blocks:walk({ Div = function(div) return unnumbered_table(div, function()
    unnumbered = true
  end) end })
  if unnumbered then
    -- back through Quarto's reader, so that its conditional content (the HTML-only download
    -- links) is handled as in every other exhibit
    text = pandoc.write(pandoc.Pandoc(blocks), "markdown")
  end
  return quarto.utils.string_to_blocks(text)  -- Quarto's reader: #fig-/#tbl- divs become floats
end

return { ["exhibit"] = exhibit }
