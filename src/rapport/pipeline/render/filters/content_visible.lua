-- Quarto's conditional content (.content-visible / .content-hidden with when-format /
-- unless-format) for this project's renderer. The output format is FORMAT ("html" or
-- "typst"); the PDF is made with Typst, so "pdf" and "typst" both name it.
-- A visible div is unwrapped (its blocks take its place); a hidden one is dropped.

local aliases = {
  html = { html = true, html5 = true, html4 = true },
  typst = { typst = true, pdf = true },
}

-- RAPPORT_FORMAT names the final format when pandoc writes JSON in between.
local function current()
  local fmt = os.getenv("RAPPORT_FORMAT") or FORMAT
  if fmt:match("^html") then return "html" end
  if fmt:match("typst") then return "typst" end
  return fmt
end

local function matches(name)
  local set = aliases[current()] or { [current()] = true }
  return set[name] == true
end

-- true = show, false = hide, nil = not a conditional element
local function visible(el)
  local cls = el.classes
  local shown
  if cls:includes("content-visible") then
    shown = true
  elseif cls:includes("content-hidden") then
    shown = false
  else
    return nil
  end
  local when = el.attributes["when-format"]
  local unless = el.attributes["unless-format"]
  if when then
    if matches(when) then return shown else return not shown end
  elseif unless then
    if matches(unless) then return not shown else return shown end
  end
  return shown
end

-- A Div or Span with a visibility attribute is unwrapped when shown and dropped otherwise.
local function keep_or_drop(el)
  local v = visible(el)
  if v == nil then return nil end
  if v then return el.content end
  return {}
end

Div = keep_or_drop
Span = keep_or_drop
