-- The one-page preview render (render/quick.py) runs both passes of the book in one pandoc
-- process. This filter stands between them: it keeps the first pass's document (its own
-- numbering, for the checks the Python side makes before the page is used) in the file
-- RAPPORT_PAGE_FIRST_PASS, then gives the second pass the whole book's index, read from the
-- file RAPPORT_PAGE_INDEX, as the full render's second pass gets it.

local function read(path)
  local handle = assert(io.open(path, "rb"))
  local text = handle:read("a")
  handle:close()
  return text
end

local function write(path, text)
  local handle = assert(io.open(path, "wb"))
  handle:write(text)
  handle:close()
end

function Pandoc(doc)
  write(os.getenv("RAPPORT_PAGE_FIRST_PASS"), pandoc.write(doc, "json"))
  doc.meta["rapport-index"] = read(os.getenv("RAPPORT_PAGE_INDEX"))
  return doc
end
