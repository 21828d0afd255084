// Interned HTML tag names. Every element the HTML standard defines (plus the
// obsolete ones still met on news pages) has a Tag value; anything else is
// Tag::kUnknown and keeps its name in the Document.
#pragma once

#include <cstdint>
#include <string_view>

namespace lede::html {

#define LEDE_HTML_TAGS(X)                                                                          \
  X(a)                                                                                             \
  X(abbr) X(acronym) X(address) X(applet) X(area) X(article) X(aside) X(audio) X(b) X(base) X(     \
      basefont) X(bdi) X(bdo) X(bgsound) X(big) X(blink) X(blockquote) X(body) X(br) X(button)     \
      X(canvas) X(caption) X(center) X(cite) X(code) X(col) X(colgroup) X(data) X(datalist) X(dd)  \
          X(del) X(details) X(dfn) X(dialog) X(dir) X(div) X(dl) X(dt) X(em) X(embed) X(fieldset)  \
              X(figcaption) X(figure) X(font) X(footer) X(form) X(frame) X(frameset) X(h1) X(h2)   \
                  X(h3) X(h4) X(h5) X(h6) X(head) X(header) X(hgroup) X(hr) X(html) X(i) X(iframe) \
                      X(image) X(img) X(input) X(ins) X(isindex) X(kbd) X(keygen) X(label)         \
                          X(legend) X(li) X(link) X(listing) X(main) X(map) X(mark) X(marquee)     \
                              X(math) X(menu) X(menuitem) X(meta) X(meter) X(nav) X(nobr)          \
                                  X(noembed) X(noframes) X(noscript) X(object) X(ol) X(optgroup)   \
                                      X(option) X(output) X(p) X(param) X(picture) X(plaintext)    \
                                          X(pre) X(progress) X(q) X(rb) X(rp) X(rt) X(rtc) X(ruby) \
                                              X(s) X(samp) X(script) X(search) X(section)          \
                                                  X(select) X(slot) X(small) X(source) X(span) X(  \
                                                      strike) X(strong) X(style) X(sub) X(summary) \
                                                      X(sup) X(svg) X(table) X(tbody)              \
                                                          X(td) X(template) X(textarea) X(tfoot)   \
                                                              X(th) X(thead) X(time) X(title)      \
                                                                  X(tr) X(track) X(tt) X(u) X(ul)  \
                                                                      X(var) X(video) X(wbr)       \
                                                                          X(xmp)

enum class Tag : uint16_t {
  kUnknown = 0,
#define LEDE_TAG_ENUM(name) k_##name,
  LEDE_HTML_TAGS(LEDE_TAG_ENUM)
#undef LEDE_TAG_ENUM
      kCount
};

// The Tag for a lower-case ASCII tag name; Tag::kUnknown when HTML does not define it.
Tag tag_from_name(std::string_view lower_name);

// The lower-case name of a known tag; "" for Tag::kUnknown.
std::string_view tag_name(Tag tag);

}  // namespace lede::html
