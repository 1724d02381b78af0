-- Stand-in for Quarto's shortcode engine (this renderer only): calls the handlers of the
-- project's extension shortcodes (`contributes: shortcodes:` in _extensions/*/_extension.yml).
-- Python turns a shortcode standing on its own line into a placeholder div
--   ::: {.rapport-shortcode name="exhibit" args="03-bruk/fig-x" origin="chapters/03-bruk.qmd:14"}
-- and lists the handler files in the environment variable RAPPORT_SHORTCODES (":"-separated).
-- The files a handler read (global RAPPORT_SHORTCODE_SOURCE) are listed in the metadata
-- `rapport-sources`, so that a check can name the line of a snippet that is wrong.

local handlers = {}
local sources = {}

local function load()
  for path in (os.getenv("RAPPORT_SHORTCODES") or ""):gmatch("[^:]+") do
    for name, fn in pairs(dofile(path)) do
      handlers[name] = fn
    end
  end
end

local function call(div)
  local name = div.attributes["name"]
  local handler = handlers[name]
  local origin = div.attributes["origin"] or "?"
  if handler == nil then
    error(origin .. ": unknown shortcode: " .. tostring(name), 0)
  end
  local args = {}
  for word in (div.attributes["args"] or ""):gmatch("%S+") do
    table.insert(args, pandoc.Inlines({ pandoc.Str(word) }))
  end
  local ok, result = pcall(handler, args, {}, nil, args, "block")
  if not ok then
    error(origin .. ": " .. tostring(result):gsub("^.-:%d+: ", ""), 0)
  end
  if RAPPORT_SHORTCODE_SOURCE ~= nil then
    table.insert(sources, RAPPORT_SHORTCODE_SOURCE)
    RAPPORT_SHORTCODE_SOURCE = nil
  end
  return result
end

function Pandoc(doc)
  load()
  doc.blocks = doc.blocks:walk({
    Div = function(div)
      if div.classes:includes("rapport-shortcode") then return call(div) end
    end,
  })
  doc.meta["rapport-sources"] = sources
  return doc
end
