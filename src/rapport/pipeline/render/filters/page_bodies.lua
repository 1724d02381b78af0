-- Last filter of the HTML book's render (render/__init__.py): writes each page's body, the
-- blocks after a chapter's marker div up to the next, with pandoc's HTML writer as
-- render/html.py's BODY_WRITER would (no metadata, section divs, no wrapping), into the JSON
-- file RAPPORT_PAGE_BODIES ({page name: body}); the document goes on unchanged, for the pages'
-- contents, assets and links the Python side reads from it. One process instead of one per page.

function Pandoc(doc)
  local bodies, names, current = {}, {}, nil
  for _, block in ipairs(doc.blocks) do
    if block.t == "Div" and block.classes:includes("rapport-chapter") then
      current = block.attributes["page"]
      names[#names + 1] = current
      bodies[current] = pandoc.Blocks({})
    elseif current then
      bodies[current]:insert(block)
    end
  end
  local options = {section_divs = true, wrap_text = "wrap-none"}
  local written = {}
  for _, name in ipairs(names) do
    -- with the line end the command-line writer ends its output with
    written[name] = pandoc.write(pandoc.Pandoc(bodies[name], pandoc.Meta({})), "html5", options)
      .. "\n"
  end
  local handle = assert(io.open(os.getenv("RAPPORT_PAGE_BODIES"), "wb"))
  handle:write(pandoc.json.encode(written))
  handle:close()
  return doc
end
