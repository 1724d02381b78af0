-- Runs after --citeproc, HTML only: the bibliography lives on one page of the book (the page
-- with the `#refs` div), so a citation's link `#ref-key` must point to that page.
-- The book index (metadata `rapport-index`, JSON) names the page ("" if there is no #refs div).

function Pandoc(doc)
  local page = pandoc.json.decode(pandoc.utils.stringify(doc.meta["rapport-index"])).refs_page
  if page == "" then return nil end
  return doc:walk({
    Link = function(link)
      if link.target:match("^#ref%-") then
        link.target = page .. link.target
        return link
      end
    end,
  })
end
