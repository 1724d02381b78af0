-- Between the two passes of the book's filter, when one pandoc process runs both (the book's
-- render, render/__init__.py, and the one-page preview render, render/quick.py): keeps the
-- first pass's document (its own numbering, for the checks the Python side makes before the
-- output is used) in the file RAPPORT_PAGE_FIRST_PASS. The preview's second pass then gets the
-- whole book's index, read from the file RAPPORT_PAGE_INDEX, as the book's second pass has it.

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
  local index = os.getenv("RAPPORT_PAGE_INDEX")
  if index then
    doc.meta["rapport-index"] = read(index)
  end
  return doc
end
