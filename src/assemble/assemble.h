// The one place where what a page or a text says about its article (its
// evidence) and the body found in it become an Article. HTML and text input
// both end here, so every field that needs the body is filled the same way:
//
//   Article a = assemble::from_page(meta, std::move(body), std::move(started));
//   Article b = assemble::from_text(std::move(found), std::move(started));
//
// `started` carries what the pipeline knows before any stage ran: source
// (path, bytes, charset, kind), url, and the decoding warnings.
//
// What is filled here, for both inputs:
//   1. the fields the evidence states (title, published, authors, ...), as given;
//   2. the body (text, blocks, photos) and how it was found (source.method);
//   3. language: the page's declaration checked by cld2 on the body (text
//      input declares none, and gets cld2's reading without a warning);
//   4. dateline: place and agency from the body's first paragraph; failing an
//      agency there, the first byline agency that is a known agency's name;
//   5. lead image: the page's og:image or JSON-LD image when the body had none;
//   6. warnings: the evidence's after the pipeline's, in stage order.
// Pure functions; thread safe.
#pragma once

#include "extraction/extractor.h"
#include "lede/article.h"
#include "metadata/metadata.h"
#include "textmode/text_mode.h"

namespace lede::assemble {

Article from_page(const metadata::PageMetadata& meta, extraction::Body body, Article started);

Article from_text(textmode::TextArticle found, Article started);

}  // namespace lede::assemble
