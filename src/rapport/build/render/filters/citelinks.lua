-- Runs after --citeproc, HTML only: the bibliography lives on one page of the book (the page
-- with the `#refs` div), so a citation's link `#ref-key` must point to that page.
-- Metadata `rapport-refs-page` names the page ("" if the book has no #refs div).

function Pandoc(doc)
  local page = doc.meta["rapport-refs-page"]
  page = page and pandoc.utils.stringify(page) or ""
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
