-- Last filter of the one-page preview render (render/quick.py): keeps the filtered document
-- in the file RAPPORT_PAGE_FILTERED (the page's metadata: files it links to, the house style's
-- head) and leaves for the HTML writer the page's body alone: the blocks after the chapter's
-- marker div, without the reference list citeproc appended (the book's list has its own page),
-- and no metadata, as render/html.py writes a page's body.

function Pandoc(doc)
  local handle = assert(io.open(os.getenv("RAPPORT_PAGE_FILTERED"), "wb"))
  handle:write(pandoc.write(doc, "json"))
  handle:close()
  local blocks, seen = pandoc.Blocks({}), false
  for _, block in ipairs(doc.blocks) do
    if block.t == "Div" and block.classes:includes("rapport-chapter") then
      seen = true
    elseif seen and not (block.t == "Div" and block.identifier == "refs") then
      blocks:insert(block)
    end
  end
  return pandoc.Pandoc(blocks, pandoc.Meta({}))
end
