#include "html/tree_builder.h"

#include <algorithm>
#include <initializer_list>

namespace lede::html {

enum class TreeBuilder::Mode : uint8_t {
  kInitial,
  kBeforeHtml,
  kBeforeHead,
  kInHead,
  kInHeadNoscript,
  kAfterHead,
  kInBody,
  kText,
  kInTable,
  kInTableText,
  kInCaption,
  kInColumnGroup,
  kInTableBody,
  kInRow,
  kInCell,
  kInTemplate,
  kAfterBody,
  kInFrameset,
  kAfterFrameset,
  kAfterAfterBody,
  kAfterAfterFrameset,
};

namespace {

// Work the scans of the stack of open elements may do per input byte before
// they are limited to its top; real pages use a small fraction of it.
constexpr int64_t kWorkPerByte = 4;
constexpr int64_t kWorkBase = 1 << 20;
// How deep a scan looks once the budget is spent.
constexpr size_t kDegradedScanDepth = 64;
// Formatting elements kept after the last marker; pages never nest more, and
// the cap keeps the Noah's Ark check and reconstruction bounded.
constexpr size_t kMaxFormattingEntries = 64;

// Per-tag facts, for HTML elements.
enum TagBits : uint16_t {
  kSpecial = 1 << 0,
  kScopeDefault = 1 << 1,  // a boundary of the default scope (and of list item and button)
  kScopeList = 1 << 2,     // also a boundary of list item scope
  kScopeButton = 1 << 3,   // also a boundary of button scope
  kScopeTable = 1 << 4,    // a boundary of table scope
  kFormatting = 1 << 5,
  kImpliedEnd = 1 << 6,
  kImpliedEndAll = 1 << 7,
  kHeading = 1 << 8,
  kModeSetting = 1 << 9,  // decides the mode when the insertion mode is reset
};

// Per-node facts about foreign elements.
enum NodeFlags : uint8_t {
  kForeignBoundary = 1 << 0,  // MathML text integration points, annotation-xml, SVG html ones
  kMathTextIntegration = 1 << 1,
  kHtmlIntegration = 1 << 2,
  kAnnotationXml = 1 << 3,
};

struct TagTable {
  uint16_t bits[static_cast<size_t>(Tag::kCount)] = {};
  constexpr void set(std::initializer_list<Tag> tags, uint16_t bit) {
    for (Tag t : tags) bits[static_cast<size_t>(t)] |= bit;
  }
  constexpr TagTable() {
    using T = Tag;
    set({T::k_address,   T::k_applet,   T::k_area,     T::k_article,    T::k_aside,
         T::k_base,      T::k_basefont, T::k_bgsound,  T::k_blockquote, T::k_body,
         T::k_br,        T::k_button,   T::k_caption,  T::k_center,     T::k_col,
         T::k_colgroup,  T::k_dd,       T::k_details,  T::k_dir,        T::k_div,
         T::k_dl,        T::k_dt,       T::k_embed,    T::k_fieldset,   T::k_figcaption,
         T::k_figure,    T::k_footer,   T::k_form,     T::k_frame,      T::k_frameset,
         T::k_h1,        T::k_h2,       T::k_h3,       T::k_h4,         T::k_h5,
         T::k_h6,        T::k_head,     T::k_header,   T::k_hgroup,     T::k_hr,
         T::k_html,      T::k_iframe,   T::k_img,      T::k_input,      T::k_keygen,
         T::k_li,        T::k_link,     T::k_listing,  T::k_main,       T::k_marquee,
         T::k_menu,      T::k_meta,     T::k_nav,      T::k_noembed,    T::k_noframes,
         T::k_noscript,  T::k_object,   T::k_ol,       T::k_p,          T::k_param,
         T::k_plaintext, T::k_pre,      T::k_script,   T::k_search,     T::k_section,
         T::k_select,    T::k_source,   T::k_style,    T::k_summary,    T::k_table,
         T::k_tbody,     T::k_td,       T::k_template, T::k_textarea,   T::k_tfoot,
         T::k_th,        T::k_thead,    T::k_title,    T::k_tr,         T::k_track,
         T::k_ul,        T::k_wbr,      T::k_xmp},
        kSpecial);
    // A customizable <select> bounds the scope too, so markup inside it cannot
    // close elements around it (see webkit02.dat, "<font><select>...</font>").
    set({T::k_applet, T::k_caption, T::k_html, T::k_table, T::k_td, T::k_th, T::k_marquee,
         T::k_object, T::k_template, T::k_select},
        kScopeDefault);
    set({T::k_ol, T::k_ul}, kScopeList);
    set({T::k_button}, kScopeButton);
    set({T::k_html, T::k_table, T::k_template}, kScopeTable);
    set({T::k_a, T::k_b, T::k_big, T::k_code, T::k_em, T::k_font, T::k_i, T::k_nobr, T::k_s,
         T::k_small, T::k_strike, T::k_strong, T::k_tt, T::k_u},
        kFormatting);
    set({T::k_dd, T::k_dt, T::k_li, T::k_optgroup, T::k_option, T::k_p, T::k_rb, T::k_rp, T::k_rt,
         T::k_rtc},
        kImpliedEnd | kImpliedEndAll);
    set({T::k_caption, T::k_colgroup, T::k_tbody, T::k_td, T::k_tfoot, T::k_th, T::k_thead,
         T::k_tr},
        kImpliedEndAll);
    set({T::k_h1, T::k_h2, T::k_h3, T::k_h4, T::k_h5, T::k_h6}, kHeading);
    set({T::k_td, T::k_th, T::k_tr, T::k_tbody, T::k_thead, T::k_tfoot, T::k_caption, T::k_colgroup,
         T::k_table, T::k_template, T::k_head, T::k_frameset},
        kModeSetting);
  }
};
constexpr TagTable kTags;

bool has(Tag t, uint16_t bit) { return (kTags.bits[static_cast<size_t>(t)] & bit) != 0; }

bool is_space(char c) { return c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '\r'; }

size_t leading_space(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

bool all_space(std::string_view s) { return leading_space(s) == s.size(); }

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

uint32_t name_bucket(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return (h ^ (h >> 15)) & 1023u;
}

std::string_view token_attr(const Token &t, std::string_view name) {
  for (const TokenAttribute &a : t.attributes)
    if (t.attr_name(a) == name) return t.attr_value(a);
  return {};
}

bool token_has_attr(const Token &t, std::string_view name) {
  for (const TokenAttribute &a : t.attributes)
    if (t.attr_name(a) == name) return true;
  return false;
}

struct NamePair {
  std::string_view from;
  std::string_view to;
};

constexpr NamePair kSvgTagNames[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
};

constexpr NamePair kSvgAttributeNames[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

std::string_view adjust(std::string_view name, const NamePair *begin, const NamePair *end) {
  auto it = std::lower_bound(begin, end, name,
                             [](const NamePair &p, std::string_view n) { return p.from < n; });
  return it != end && it->from == name ? it->to : name;
}

std::string_view adjust_svg_tag(std::string_view name) {
  return adjust(name, std::begin(kSvgTagNames), std::end(kSvgTagNames));
}

std::string_view adjust_attribute(std::string_view name, Namespace ns) {
  if (ns == Namespace::kSvg)
    return adjust(name, std::begin(kSvgAttributeNames), std::end(kSvgAttributeNames));
  if (ns == Namespace::kMathMl && name == "definitionurl") return "definitionURL";
  return name;
}

// Tags that leave foreign content for HTML.
bool breaks_out_of_foreign(const Token &t) {
  switch (t.tag) {
    case Tag::k_b:
    case Tag::k_big:
    case Tag::k_blockquote:
    case Tag::k_body:
    case Tag::k_br:
    case Tag::k_center:
    case Tag::k_code:
    case Tag::k_dd:
    case Tag::k_div:
    case Tag::k_dl:
    case Tag::k_dt:
    case Tag::k_em:
    case Tag::k_embed:
    case Tag::k_h1:
    case Tag::k_h2:
    case Tag::k_h3:
    case Tag::k_h4:
    case Tag::k_h5:
    case Tag::k_h6:
    case Tag::k_head:
    case Tag::k_hr:
    case Tag::k_i:
    case Tag::k_img:
    case Tag::k_li:
    case Tag::k_listing:
    case Tag::k_menu:
    case Tag::k_meta:
    case Tag::k_nobr:
    case Tag::k_ol:
    case Tag::k_p:
    case Tag::k_pre:
    case Tag::k_ruby:
    case Tag::k_s:
    case Tag::k_small:
    case Tag::k_span:
    case Tag::k_strong:
    case Tag::k_strike:
    case Tag::k_sub:
    case Tag::k_sup:
    case Tag::k_table:
    case Tag::k_tt:
    case Tag::k_u:
    case Tag::k_ul:
    case Tag::k_var:
      return true;
    case Tag::k_font:
      return token_has_attr(t, "color") || token_has_attr(t, "face") || token_has_attr(t, "size");
    default:
      return false;
  }
}

constexpr std::string_view kQuirkyPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html "
    "4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

QuirksMode quirks_for(const Token &t) {
  std::string_view pub = t.public_id;
  std::string_view sys = t.system_id;
  if (t.force_quirks || t.data != "html") return QuirksMode::kQuirks;
  if (t.has_public_id) {
    if (equals_ci(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        equals_ci(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") || equals_ci(pub, "HTML"))
      return QuirksMode::kQuirks;
    for (std::string_view p : kQuirkyPublicPrefixes)
      if (starts_with_ci(pub, p)) return QuirksMode::kQuirks;
  }
  if (t.has_system_id &&
      equals_ci(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
    return QuirksMode::kQuirks;
  bool html401 = t.has_public_id && (starts_with_ci(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                                     starts_with_ci(pub, "-//W3C//DTD HTML 4.01 Transitional//"));
  if (html401 && !t.has_system_id) return QuirksMode::kQuirks;
  if (t.has_public_id && (starts_with_ci(pub, "-//W3C//DTD XHTML 1.0 Frameset//") ||
                          starts_with_ci(pub, "-//W3C//DTD XHTML 1.0 Transitional//")))
    return QuirksMode::kLimitedQuirks;
  if (html401) return QuirksMode::kLimitedQuirks;
  return QuirksMode::kNoQuirks;
}

}  // namespace

TreeBuilder::TreeBuilder() = default;

// --- Entry points
// --------------------------------------------------------------

void TreeBuilder::start(std::string_view html, Document &doc, const DomLimits &limits) {
  doc_ = &doc;
  limits_ = limits;
  depth_noted_ = false;
  adopted_ = false;
  mode_ = Mode::kInitial;
  original_mode_ = Mode::kInitial;
  template_modes_.clear();
  open_.clear();
  afe_.clear();
  meta_.clear();
  meta_.emplace_back();  // the document root
  open_count_.fill(0);
  unknown_open_count_.fill(0);
  head_ = form_ = context_ = kNoNode;
  frameset_ok_ = true;
  foster_parenting_ = false;
  skip_newline_ = false;
  eof_again_ = false;
  quirks_ = QuirksMode::kNoQuirks;
  doctype_ = DoctypeInfo{};
  budget_ = kWorkBase + kWorkPerByte * static_cast<int64_t>(html.size());
  pending_text_.clear();
  tokenizer_.reset(html);
}

void TreeBuilder::parse(std::string_view html, Document &doc, const DomLimits &limits) {
  DocumentBuilder builder(doc, limits);
  b_ = &builder;
  start(html, doc, limits);
  run();
  if (adopted_) bound_depth();
  b_ = nullptr;
}

void TreeBuilder::bound_depth() {
  // The adoption agency algorithm moves whole subtrees under new elements, so
  // the depths noted at insertion go stale and misnested formatting can nest
  // content past max_depth. Content below the limit is lifted to the deepest
  // allowed level, in document order, as insertion does.
  std::vector<uint32_t> depth(doc_->node_count(), 0);
  std::vector<NodeId> lifted;
  for (NodeId n = doc_->root(); n != kNoNode; n = doc_->next_in(n, doc_->root())) {
    const NodeId parent = doc_->parent(n);
    depth[n] = parent == kNoNode ? 0 : depth[parent] + 1;
    if (parent == kNoNode || depth[n] < limits_.max_depth || doc_->first_child(n) == kNoNode)
      continue;
    if (!depth_noted_) b_->note_limit("max_depth (" + std::to_string(limits_.max_depth) + ")");
    depth_noted_ = true;
    lifted.clear();
    for (NodeId d = doc_->first_child(n); d != kNoNode; d = doc_->next_in(d, n))
      lifted.push_back(d);
    const NodeId after = doc_->next_sibling(n);
    for (NodeId d : lifted) b_->insert_before(parent, d, after);
  }
}

void TreeBuilder::parse_fragment(std::string_view html, std::string_view context_name,
                                 Namespace context_ns, Document &doc, const DomLimits &limits) {
  DocumentBuilder builder(doc, limits);
  b_ = &builder;
  start(html, doc, limits);
  Tag ctx_tag = tag_from_name(context_name);
  if (context_ns != Namespace::kHtml && ctx_tag != Tag::k_svg && ctx_tag != Tag::k_math)
    ctx_tag = Tag::kUnknown;
  context_ = b_->create_element(ctx_tag, context_name, context_ns);
  uint8_t flags = 0;
  if (context_ns == Namespace::kMathMl) {
    if (context_name == "mi" || context_name == "mo" || context_name == "mn" ||
        context_name == "ms" || context_name == "mtext")
      flags |= kMathTextIntegration | kForeignBoundary;
    if (context_name == "annotation-xml") flags |= kAnnotationXml | kForeignBoundary;
  } else if (context_ns == Namespace::kSvg && (context_name == "foreignObject" ||
                                               context_name == "desc" || context_name == "title")) {
    flags |= kHtmlIntegration | kForeignBoundary;
  }
  note_created(context_, flags);
  NodeId root = b_->create_element(Tag::k_html, "html");
  note_created(root, 0);
  insert_at({doc.root(), kNoNode}, root);
  push(root);
  if (context_ns == Namespace::kHtml) {
    switch (ctx_tag) {
      case Tag::k_title:
      case Tag::k_textarea:
        tokenizer_.set_state(TokenizerState::kRcdata);
        break;
      case Tag::k_style:
      case Tag::k_xmp:
      case Tag::k_iframe:
      case Tag::k_noembed:
      case Tag::k_noframes:
        tokenizer_.set_state(TokenizerState::kRawtext);
        break;
      case Tag::k_script:
        tokenizer_.set_state(TokenizerState::kScriptData);
        break;
      case Tag::k_plaintext:
        tokenizer_.set_state(TokenizerState::kPlaintext);
        break;
      default:
        break;
    }
    if (ctx_tag == Tag::k_template) template_modes_.push_back(Mode::kInTemplate);
  }
  reset_insertion_mode();
  run();
  if (adopted_) bound_depth();
  b_ = nullptr;
}

void TreeBuilder::run() {
  for (;;) {
    tokenizer_.set_allow_cdata(!open_.empty() && doc_->ns(adjusted_current()) != Namespace::kHtml);
    Token t = tokenizer_.next();
    process(t);
    while (eof_again_) {
      eof_again_ = false;
      process(t);
    }
    if (t.kind == TokenKind::kEof || b_->full() || b_->out_of_time()) break;
  }
}

// --- Dispatch
// ------------------------------------------------------------------

bool TreeBuilder::use_html_rules(const Token &t) const {
  if (open_.empty() || t.kind == TokenKind::kEof) return true;
  NodeId n = adjusted_current();
  if (doc_->ns(n) == Namespace::kHtml) return true;
  uint8_t f = meta_[n].flags;
  bool start = t.kind == TokenKind::kStartTag;
  bool chars = t.kind == TokenKind::kCharacters;
  if (f & kMathTextIntegration) {
    if (chars) return true;
    if (start && t.data != "mglyph" && t.data != "malignmark") return true;
  }
  if ((f & kAnnotationXml) && start && t.tag == Tag::k_svg) return true;
  if ((f & kHtmlIntegration) && (start || chars)) return true;
  return false;
}

void TreeBuilder::process(Token &t) {
  if (b_->full()) return;
  if (skip_newline_) {
    skip_newline_ = false;
    if (t.kind == TokenKind::kCharacters && !t.null_char && !t.data.empty() && t.data[0] == '\n') {
      t.data.remove_prefix(1);
      if (t.data.empty()) return;
    }
  }
  if (use_html_rules(t))
    process_in(mode_, t);
  else
    foreign_content(t);
}

void TreeBuilder::reprocess(Mode m, Token &t) {
  mode_ = m;
  process(t);
}

void TreeBuilder::process_in(Mode m, Token &t) {
  switch (m) {
    case Mode::kInitial:
      initial(t);
      break;
    case Mode::kBeforeHtml:
      before_html(t);
      break;
    case Mode::kBeforeHead:
      before_head(t);
      break;
    case Mode::kInHead:
      in_head(t);
      break;
    case Mode::kInHeadNoscript:
      in_head_noscript(t);
      break;
    case Mode::kAfterHead:
      after_head(t);
      break;
    case Mode::kInBody:
      in_body(t);
      break;
    case Mode::kText:
      text(t);
      break;
    case Mode::kInTable:
      in_table(t);
      break;
    case Mode::kInTableText:
      in_table_text(t);
      break;
    case Mode::kInCaption:
      in_caption(t);
      break;
    case Mode::kInColumnGroup:
      in_column_group(t);
      break;
    case Mode::kInTableBody:
      in_table_body(t);
      break;
    case Mode::kInRow:
      in_row(t);
      break;
    case Mode::kInCell:
      in_cell(t);
      break;
    case Mode::kInTemplate:
      in_template(t);
      break;
    case Mode::kAfterBody:
      after_body(t);
      break;
    case Mode::kInFrameset:
      in_frameset(t);
      break;
    case Mode::kAfterFrameset:
      after_frameset(t);
      break;
    case Mode::kAfterAfterBody:
      after_after_body(t);
      break;
    case Mode::kAfterAfterFrameset:
      after_after_frameset(t);
      break;
  }
}

// --- Creating and inserting nodes
// -------------------------------------------------

void TreeBuilder::note_created(NodeId n, uint8_t flags) {
  if (n == kNoNode) return;
  if (meta_.size() <= n) meta_.resize(static_cast<size_t>(n) + 1);
  meta_[n] = NodeMeta{};
  meta_[n].flags = flags;
}

NodeId TreeBuilder::create_for_token(const Token &t, Namespace ns) {
  Tag tag = t.tag;
  std::string_view name = t.data;
  uint8_t flags = 0;
  if (ns != Namespace::kHtml) {
    if (tag != Tag::k_svg && tag != Tag::k_math) tag = Tag::kUnknown;
    if (ns == Namespace::kSvg) {
      name = adjust_svg_tag(name);
      if (name == "foreignObject" || name == "desc" || name == "title")
        flags |= kHtmlIntegration | kForeignBoundary;
    } else {
      if (name == "mi" || name == "mo" || name == "mn" || name == "ms" || name == "mtext")
        flags |= kMathTextIntegration | kForeignBoundary;
      if (name == "annotation-xml") {
        flags |= kAnnotationXml | kForeignBoundary;
        std::string_view enc = token_attr(t, "encoding");
        if (equals_ci(enc, "text/html") || equals_ci(enc, "application/xhtml+xml"))
          flags |= kHtmlIntegration;
      }
    }
  }
  NodeId n = b_->create_element(tag, name, ns);
  if (n == kNoNode) return n;
  note_created(n, flags);
  for (const TokenAttribute &a : t.attributes)
    b_->add_attribute(n, adjust_attribute(t.attr_name(a), ns), t.attr_value(a));
  return n;
}

NodeId TreeBuilder::clone_element(NodeId src) {
  // Names and values live in the pool the new element appends to: copy them out
  // first.
  scratch_.clear();
  scratch_attrs_.clear();
  std::string_view name = doc_->name(src);
  scratch_.append(name);
  for (const Attribute &a : doc_->attributes(src)) {
    scratch_attrs_.emplace_back(static_cast<uint32_t>(scratch_.size()), a.name.length);
    scratch_.append(doc_->view(a.name));
    scratch_attrs_.emplace_back(static_cast<uint32_t>(scratch_.size()), a.value.length);
    scratch_.append(doc_->view(a.value));
  }
  NodeId n = b_->create_element(doc_->tag(src), std::string_view(scratch_).substr(0, name.size()),
                                doc_->ns(src));
  if (n == kNoNode) return n;
  note_created(n, meta_[src].flags);
  std::string_view s = scratch_;
  for (size_t i = 0; i + 1 < scratch_attrs_.size(); i += 2) {
    b_->add_attribute(n, s.substr(scratch_attrs_[i].first, scratch_attrs_[i].second),
                      s.substr(scratch_attrs_[i + 1].first, scratch_attrs_[i + 1].second));
  }
  return n;
}

TreeBuilder::Place TreeBuilder::appropriate_place(NodeId target) {
  if (foster_parenting_ && doc_->ns(target) == Namespace::kHtml) {
    Tag tt = doc_->tag(target);
    if (tt == Tag::k_table || tt == Tag::k_tbody || tt == Tag::k_tfoot || tt == Tag::k_thead ||
        tt == Tag::k_tr) {
      // The last template or table on the stack decides.
      size_t steps = 0;
      for (size_t i = open_.size(); i-- > 0;) {
        ++steps;
        NodeId n = open_[i];
        if (is_html(n, Tag::k_template)) {
          charge(steps);
          return {n, kNoNode};
        }
        if (is_html(n, Tag::k_table)) {
          charge(steps);
          NodeId parent = doc_->parent(n);
          if (parent != kNoNode) return {parent, n};
          return {open_[i > 0 ? i - 1 : 0], kNoNode};
        }
      }
      charge(steps);
      return {open_.empty() ? doc_->root() : open_[0], kNoNode};
    }
  }
  return {target, kNoNode};
}

void TreeBuilder::insert_at(Place place, NodeId n) {
  if (n == kNoNode || place.parent == kNoNode) return;
  if (meta_[place.parent].depth >= limits_.max_depth) {
    // Too deep: keep the content, attach it at the deepest allowed level.
    if (!depth_noted_) b_->note_limit("max_depth (" + std::to_string(limits_.max_depth) + ")");
    depth_noted_ = true;
    NodeId up = doc_->parent(place.parent);
    if (up != kNoNode) place = {up, kNoNode};
  }
  b_->insert_before(place.parent, n, place.before);
  if (doc_->kind(n) == NodeKind::kElement) meta_[n].depth = meta_[place.parent].depth + 1;
}

NodeId TreeBuilder::insert_html(const Token &t) {
  Place place = appropriate_place(current());
  NodeId n = create_for_token(t, Namespace::kHtml);
  if (n == kNoNode) return n;
  insert_at(place, n);
  push(n);
  return n;
}

NodeId TreeBuilder::insert_html_named(Tag tag) {
  Place place = appropriate_place(current());
  NodeId n = b_->create_element(tag, tag_name(tag));
  if (n == kNoNode) return n;
  note_created(n, 0);
  insert_at(place, n);
  push(n);
  return n;
}

NodeId TreeBuilder::insert_foreign(const Token &t, Namespace ns) {
  Place place = appropriate_place(current());
  NodeId n = create_for_token(t, ns);
  if (n == kNoNode) return n;
  insert_at(place, n);
  push(n);
  return n;
}

void TreeBuilder::insert_text(std::string_view s) {
  if (s.empty()) return;
  Place place = appropriate_place(current());
  if (place.parent == doc_->root()) return;  // the document takes no text
  if (meta_[place.parent].depth >= limits_.max_depth) {
    NodeId up = doc_->parent(place.parent);
    if (up != kNoNode) place = {up, kNoNode};
  }
  b_->append_text(place.parent, s, place.before);
}

void TreeBuilder::insert_comment(const Token &t, NodeId parent) {
  Place place = parent == kNoNode ? appropriate_place(current()) : Place{parent, kNoNode};
  NodeId n = b_->create_comment(t.data);
  if (n == kNoNode) return;
  note_created(n, 0);
  insert_at(place, n);
}

void TreeBuilder::raw_text_element(const Token &t, TokenizerState state) {
  insert_html(t);
  tokenizer_.set_state(state);
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

// --- The stack of open elements
// ---------------------------------------------------

NodeId TreeBuilder::adjusted_current() const {
  if (context_ != kNoNode && open_.size() == 1) return context_;
  return current();
}

Tag TreeBuilder::html_tag(NodeId n) const {
  return doc_->ns(n) == Namespace::kHtml && doc_->kind(n) == NodeKind::kElement ? doc_->tag(n)
                                                                                : Tag::kUnknown;
}

void TreeBuilder::push(NodeId n) {
  open_.push_back(n);
  meta_[n].on_stack = true;
  if (doc_->ns(n) != Namespace::kHtml) return;
  Tag t = doc_->tag(n);
  if (t == Tag::kUnknown)
    ++unknown_open_count_[name_bucket(doc_->name(n))];
  else
    ++open_count_[static_cast<size_t>(t)];
}

void TreeBuilder::remove_from_stack(size_t index) {
  NodeId n = open_[index];
  meta_[n].on_stack = false;
  if (doc_->ns(n) == Namespace::kHtml) {
    Tag t = doc_->tag(n);
    if (t == Tag::kUnknown)
      --unknown_open_count_[name_bucket(doc_->name(n))];
    else
      --open_count_[static_cast<size_t>(t)];
  }
  if (index + 1 == open_.size()) {
    open_.pop_back();
  } else {
    charge(open_.size() - index);
    open_.erase(open_.begin() + static_cast<ptrdiff_t>(index));
  }
}

void TreeBuilder::pop() {
  if (!open_.empty()) remove_from_stack(open_.size() - 1);
}

void TreeBuilder::pop_until(Tag tag) {
  while (!open_.empty()) {
    bool done = is_html(current(), tag);
    pop();
    if (done) return;
  }
}

void TreeBuilder::pop_until_node(NodeId n) {
  while (!open_.empty()) {
    bool done = current() == n;
    pop();
    if (done) return;
  }
}

void TreeBuilder::pop_until_heading() {
  while (!open_.empty()) {
    bool done = has(html_tag(current()), kHeading);
    pop();
    if (done) return;
  }
}

size_t TreeBuilder::scan_floor() {
  if (budget_ > 0 || open_.size() <= kDegradedScanDepth) return 0;
  return open_.size() - kDegradedScanDepth;
}

bool TreeBuilder::is_special(NodeId n) const {
  if (doc_->ns(n) == Namespace::kHtml) return has(doc_->tag(n), kSpecial);
  return (meta_[n].flags & kForeignBoundary) != 0;
}

bool TreeBuilder::is_boundary(NodeId n, Scope scope) const {
  if (doc_->ns(n) != Namespace::kHtml) {
    return scope != Scope::kTable && (meta_[n].flags & kForeignBoundary) != 0;
  }
  Tag t = doc_->tag(n);
  switch (scope) {
    case Scope::kDefault:
      return has(t, kScopeDefault);
    case Scope::kListItem:
      return has(t, kScopeDefault | kScopeList);
    case Scope::kButton:
      return has(t, kScopeDefault | kScopeButton);
    case Scope::kTable:
      return has(t, kScopeTable);
  }
  return false;
}

bool TreeBuilder::in_scope(Tag tag, Scope scope) {
  if (open_count_[static_cast<size_t>(tag)] == 0) return false;
  size_t floor = scan_floor();
  size_t steps = 0;
  bool found = false;
  for (size_t i = open_.size(); i-- > floor;) {
    ++steps;
    NodeId n = open_[i];
    if (is_html(n, tag)) {
      found = true;
      break;
    }
    if (is_boundary(n, scope)) break;
  }
  charge(steps);
  return found;
}

bool TreeBuilder::node_in_scope(NodeId target, Scope scope) {
  if (target == kNoNode || !meta_[target].on_stack) return false;
  size_t floor = scan_floor();
  size_t steps = 0;
  bool found = false;
  for (size_t i = open_.size(); i-- > floor;) {
    ++steps;
    NodeId n = open_[i];
    if (n == target) {
      found = true;
      break;
    }
    if (is_boundary(n, scope)) break;
  }
  charge(steps);
  return found;
}

bool TreeBuilder::heading_in_scope() {
  size_t floor = scan_floor();
  size_t steps = 0;
  bool found = false;
  for (size_t i = open_.size(); i-- > floor;) {
    ++steps;
    NodeId n = open_[i];
    if (has(html_tag(n), kHeading)) {
      found = true;
      break;
    }
    if (is_boundary(n, Scope::kDefault)) break;
  }
  charge(steps);
  return found;
}

void TreeBuilder::generate_implied_end_tags(Tag except) {
  while (!open_.empty()) {
    Tag t = html_tag(current());
    if (t == except || !has(t, kImpliedEnd)) return;
    pop();
  }
}

void TreeBuilder::generate_all_implied_end_tags() {
  while (!open_.empty() && has(html_tag(current()), kImpliedEndAll)) pop();
}

void TreeBuilder::close_p() {
  generate_implied_end_tags(Tag::k_p);
  pop_until(Tag::k_p);
}

// 0: table context, 1: table body context, 2: table row context.
void TreeBuilder::clear_to_context(uint32_t which) {
  while (!open_.empty()) {
    Tag t = html_tag(current());
    if (t == Tag::k_html || t == Tag::k_template) return;
    if (which == 0 && t == Tag::k_table) return;
    if (which == 1 && (t == Tag::k_tbody || t == Tag::k_tfoot || t == Tag::k_thead)) return;
    if (which == 2 && t == Tag::k_tr) return;
    pop();
  }
}

void TreeBuilder::reset_insertion_mode() {
  if (context_ == kNoNode) {
    // Without a mode-setting element open, the answer needs no scan.
    bool any = false;
    for (Tag t :
         {Tag::k_td, Tag::k_th, Tag::k_tr, Tag::k_tbody, Tag::k_thead, Tag::k_tfoot, Tag::k_caption,
          Tag::k_colgroup, Tag::k_table, Tag::k_template, Tag::k_head, Tag::k_frameset})
      any = any || open_count_[static_cast<size_t>(t)] > 0;
    if (!any) {
      if (open_count_[static_cast<size_t>(Tag::k_body)] > 0 && open_.size() > 1) {
        mode_ = Mode::kInBody;
      } else {
        mode_ = head_ == kNoNode ? Mode::kBeforeHead : Mode::kAfterHead;
        if (open_.size() > 1 || !is_html(current(), Tag::k_html)) mode_ = Mode::kInBody;
      }
      return;
    }
  }
  size_t steps = 0;
  for (size_t i = open_.size(); i-- > 0;) {
    ++steps;
    NodeId node = open_[i];
    bool last = i == 0;
    if (last && context_ != kNoNode) node = context_;
    Tag t = html_tag(node);
    switch (t) {
      case Tag::k_td:
      case Tag::k_th:
        if (!last) {
          mode_ = Mode::kInCell;
          charge(steps);
          return;
        }
        break;
      case Tag::k_tr:
        mode_ = Mode::kInRow;
        charge(steps);
        return;
      case Tag::k_tbody:
      case Tag::k_thead:
      case Tag::k_tfoot:
        mode_ = Mode::kInTableBody;
        charge(steps);
        return;
      case Tag::k_caption:
        mode_ = Mode::kInCaption;
        charge(steps);
        return;
      case Tag::k_colgroup:
        mode_ = Mode::kInColumnGroup;
        charge(steps);
        return;
      case Tag::k_table:
        mode_ = Mode::kInTable;
        charge(steps);
        return;
      case Tag::k_template:
        mode_ = template_modes_.empty() ? Mode::kInBody : template_modes_.back();
        charge(steps);
        return;
      case Tag::k_head:
        if (!last) {
          mode_ = Mode::kInHead;
          charge(steps);
          return;
        }
        break;
      case Tag::k_body:
        mode_ = Mode::kInBody;
        charge(steps);
        return;
      case Tag::k_frameset:
        mode_ = Mode::kInFrameset;
        charge(steps);
        return;
      case Tag::k_html:
        mode_ = head_ == kNoNode ? Mode::kBeforeHead : Mode::kAfterHead;
        charge(steps);
        return;
      default:
        break;
    }
    if (last) {
      mode_ = Mode::kInBody;
      charge(steps);
      return;
    }
  }
  charge(steps);
  mode_ = Mode::kInBody;
}

// --- Active formatting elements
// ----------------------------------------------------

bool TreeBuilder::same_attributes(NodeId a, NodeId b) {
  auto aa = doc_->attributes(a);
  auto ba = doc_->attributes(b);
  if (aa.size() != ba.size()) return false;
  if (aa.size() <= 8) {
    for (const Attribute &x : aa) {
      bool found = false;
      for (const Attribute &y : ba) {
        if (doc_->view(x.name) == doc_->view(y.name)) {
          found = doc_->view(x.value) == doc_->view(y.value);
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  // Long lists: compare sorted "name\0value" keys.
  auto keys = [&](std::span<const Attribute> attrs, std::vector<std::string_view> &out) {
    out.clear();
    for (const Attribute &x : attrs) {
      out.push_back(doc_->view(x.name));
      out.push_back(doc_->view(x.value));
    }
  };
  keys(aa, cmp_a_);
  keys(ba, cmp_b_);
  auto sort_pairs = [](std::vector<std::string_view> &v) {
    std::vector<std::pair<std::string_view, std::string_view>> p;
    p.reserve(v.size() / 2);
    for (size_t i = 0; i + 1 < v.size(); i += 2) p.emplace_back(v[i], v[i + 1]);
    std::sort(p.begin(), p.end());
    v.clear();
    for (auto &[n, val] : p) {
      v.push_back(n);
      v.push_back(val);
    }
  };
  sort_pairs(cmp_a_);
  sort_pairs(cmp_b_);
  return cmp_a_ == cmp_b_;
}

void TreeBuilder::push_formatting(NodeId n) {
  if (n == kNoNode) return;
  size_t since_marker = 0;
  size_t first = afe_.size();
  while (first > 0 && afe_[first - 1] != kMarker) --first;
  since_marker = afe_.size() - first;
  // Noah's Ark: at most three equal elements after the last marker.
  size_t equal = 0;
  size_t earliest = afe_.size();
  Tag tag = doc_->tag(n);
  for (size_t i = afe_.size(); i-- > first;) {
    NodeId e = afe_[i];
    if (doc_->tag(e) == tag && doc_->ns(e) == doc_->ns(n) && same_attributes(e, n)) {
      ++equal;
      earliest = i;
    }
  }
  if (equal >= 3) {
    meta_[afe_[earliest]].in_afe = false;
    afe_.erase(afe_.begin() + static_cast<ptrdiff_t>(earliest));
    --since_marker;
  }
  if (since_marker >= kMaxFormattingEntries) {
    meta_[afe_[first]].in_afe = false;
    afe_.erase(afe_.begin() + static_cast<ptrdiff_t>(first));
  }
  afe_.push_back(n);
  meta_[n].in_afe = true;
}

void TreeBuilder::reconstruct_formatting() {
  if (afe_.empty()) return;
  NodeId last = afe_.back();
  if (last == kMarker || meta_[last].on_stack) return;
  size_t i = afe_.size() - 1;
  while (i > 0) {
    NodeId e = afe_[i - 1];
    if (e == kMarker || meta_[e].on_stack) break;
    --i;
  }
  for (; i < afe_.size(); ++i) {
    NodeId old = afe_[i];
    Place place = appropriate_place(current());
    NodeId n = clone_element(old);
    if (n == kNoNode) return;
    insert_at(place, n);
    push(n);
    meta_[old].in_afe = false;
    meta_[n].in_afe = true;
    afe_[i] = n;
  }
}

void TreeBuilder::clear_formatting_to_marker() {
  while (!afe_.empty()) {
    NodeId e = afe_.back();
    afe_.pop_back();
    if (e == kMarker) return;
    meta_[e].in_afe = false;
  }
}

void TreeBuilder::remove_formatting(NodeId n) {
  if (!meta_[n].in_afe) return;
  for (size_t i = afe_.size(); i-- > 0;) {
    if (afe_[i] == n) {
      afe_.erase(afe_.begin() + static_cast<ptrdiff_t>(i));
      break;
    }
  }
  meta_[n].in_afe = false;
}

// The adoption agency algorithm. Returns false when the token must be handled
// as "any other end tag" instead.
bool TreeBuilder::adoption_agency(const Token &t) {
  const Tag subject = t.tag;
  NodeId cur = current();
  if (is_html(cur, subject) && !meta_[cur].in_afe) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    // The last formatting element with this tag after the last marker.
    NodeId fe = kNoNode;
    size_t fe_afe = 0;
    for (size_t i = afe_.size(); i-- > 0;) {
      if (afe_[i] == kMarker) break;
      if (is_html(afe_[i], subject)) {
        fe = afe_[i];
        fe_afe = i;
        break;
      }
    }
    if (fe == kNoNode) return false;
    if (!meta_[fe].on_stack) {
      afe_.erase(afe_.begin() + static_cast<ptrdiff_t>(fe_afe));
      meta_[fe].in_afe = false;
      return true;
    }
    if (!node_in_scope(fe, Scope::kDefault)) return true;
    size_t fe_index = open_.size();
    size_t floor = scan_floor();
    size_t steps = 0;
    for (size_t i = open_.size(); i-- > floor;) {
      ++steps;
      if (open_[i] == fe) {
        fe_index = i;
        break;
      }
    }
    charge(steps);
    if (fe_index == open_.size()) return false;  // beyond the degraded scan depth
    size_t fb_index = open_.size();
    for (size_t i = fe_index + 1; i < open_.size(); ++i) {
      if (is_special(open_[i])) {
        fb_index = i;
        break;
      }
    }
    charge(open_.size() - fe_index);
    if (fb_index == open_.size()) {
      while (open_.size() > fe_index) pop();
      remove_formatting(fe);
      return true;
    }
    NodeId fb = open_[fb_index];
    NodeId common_ancestor = open_[fe_index - 1];
    size_t bookmark = fe_afe;
    NodeId node = fb;
    NodeId last_node = fb;
    size_t node_index = fb_index;
    for (int inner = 1;; ++inner) {
      --node_index;
      node = open_[node_index];
      if (node == fe) break;
      if (inner > 3 && meta_[node].in_afe) {
        for (size_t i = afe_.size(); i-- > 0;) {
          if (afe_[i] == node) {
            afe_.erase(afe_.begin() + static_cast<ptrdiff_t>(i));
            if (i < bookmark) --bookmark;
            break;
          }
        }
        meta_[node].in_afe = false;
      }
      if (!meta_[node].in_afe) {
        remove_from_stack(node_index);
        --fb_index;
        continue;
      }
      size_t node_afe = afe_.size();
      for (size_t i = afe_.size(); i-- > 0;) {
        if (afe_[i] == node) {
          node_afe = i;
          break;
        }
      }
      NodeId clone = clone_element(node);
      if (clone == kNoNode) return true;
      afe_[node_afe] = clone;
      meta_[node].in_afe = false;
      meta_[node].on_stack = false;
      meta_[clone].in_afe = true;
      meta_[clone].on_stack = true;
      open_[node_index] = clone;
      node = clone;
      if (last_node == fb) bookmark = node_afe + 1;
      b_->detach(last_node);
      insert_at({node, kNoNode}, last_node);
      last_node = node;
    }
    adopted_ = true;  // subtrees moved: their noted depths are stale (see bound_depth)
    b_->detach(last_node);
    insert_at(appropriate_place(common_ancestor), last_node);
    NodeId clone = clone_element(fe);
    if (clone == kNoNode) return true;
    b_->move_children(fb, clone);
    insert_at({fb, kNoNode}, clone);
    // Replace fe by the clone in the list (at the bookmark) and in the stack
    // (below fb).
    for (size_t i = afe_.size(); i-- > 0;) {
      if (afe_[i] == fe) {
        afe_.erase(afe_.begin() + static_cast<ptrdiff_t>(i));
        if (i < bookmark) --bookmark;
        break;
      }
    }
    meta_[fe].in_afe = false;
    bookmark = std::min(bookmark, afe_.size());
    afe_.insert(afe_.begin() + static_cast<ptrdiff_t>(bookmark), clone);
    meta_[clone].in_afe = true;
    remove_from_stack(fe_index);
    --fb_index;
    open_.insert(open_.begin() + static_cast<ptrdiff_t>(fb_index + 1), clone);
    meta_[clone].on_stack = true;
    ++open_count_[static_cast<size_t>(subject)];
    charge(open_.size() - fb_index);
  }
  return true;
}

void TreeBuilder::set_doctype(const Token &t) {
  doctype_.present = true;
  doctype_.name.assign(t.data);
  doctype_.public_id.assign(t.public_id);
  doctype_.system_id.assign(t.system_id);
  doctype_.has_public_id = t.has_public_id;
  doctype_.has_system_id = t.has_system_id;
  uint32_t index = 0;
  for (NodeId c = doc_->first_child(doc_->root()); c != kNoNode; c = doc_->next_sibling(c)) ++index;
  doctype_.index = index;
  quirks_ = quirks_for(t);
}

// --- Insertion modes
// ------------------------------------------------------------

void TreeBuilder::initial(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters: {
      if (!t.null_char) {
        t.data.remove_prefix(leading_space(t.data));
        if (t.data.empty()) return;
      }
      break;
    }
    case TokenKind::kComment:
      insert_comment(t, doc_->root());
      return;
    case TokenKind::kDoctype:
      set_doctype(t);
      mode_ = Mode::kBeforeHtml;
      return;
    default:
      break;
  }
  quirks_ = QuirksMode::kQuirks;
  reprocess(Mode::kBeforeHtml, t);
}

void TreeBuilder::before_html(Token &t) {
  switch (t.kind) {
    case TokenKind::kDoctype:
      return;
    case TokenKind::kComment:
      insert_comment(t, doc_->root());
      return;
    case TokenKind::kCharacters:
      if (!t.null_char) {
        t.data.remove_prefix(leading_space(t.data));
        if (t.data.empty()) return;
      }
      break;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) {
        NodeId n = create_for_token(t, Namespace::kHtml);
        insert_at({doc_->root(), kNoNode}, n);
        if (n != kNoNode) push(n);
        mode_ = Mode::kBeforeHead;
        return;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag != Tag::k_head && t.tag != Tag::k_body && t.tag != Tag::k_html &&
          t.tag != Tag::k_br)
        return;
      break;
    default:
      break;
  }
  NodeId n = b_->create_element(Tag::k_html, "html");
  if (n == kNoNode) return;
  note_created(n, 0);
  insert_at({doc_->root(), kNoNode}, n);
  push(n);
  reprocess(Mode::kBeforeHead, t);
}

void TreeBuilder::before_head(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (!t.null_char) {
        t.data.remove_prefix(leading_space(t.data));
        if (t.data.empty()) return;
      }
      break;
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) {
        in_body(t);
        return;
      }
      if (t.tag == Tag::k_head) {
        head_ = insert_html(t);
        mode_ = Mode::kInHead;
        return;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag != Tag::k_head && t.tag != Tag::k_body && t.tag != Tag::k_html &&
          t.tag != Tag::k_br)
        return;
      break;
    default:
      break;
  }
  head_ = insert_html_named(Tag::k_head);
  reprocess(Mode::kInHead, t);
}

void TreeBuilder::in_head(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters: {
      if (!t.null_char) {
        size_t ws = leading_space(t.data);
        insert_text(t.data.substr(0, ws));
        t.data.remove_prefix(ws);
        if (t.data.empty()) return;
      }
      break;
    }
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::k_html:
          in_body(t);
          return;
        case Tag::k_base:
        case Tag::k_basefont:
        case Tag::k_bgsound:
        case Tag::k_link:
        case Tag::k_meta:
          insert_html(t);
          pop();
          return;
        case Tag::k_title:
          raw_text_element(t, TokenizerState::kRcdata);
          return;
        case Tag::k_noscript:
          insert_html(t);
          mode_ = Mode::kInHeadNoscript;
          return;
        case Tag::k_noframes:
        case Tag::k_style:
          raw_text_element(t, TokenizerState::kRawtext);
          return;
        case Tag::k_script:
          raw_text_element(t, TokenizerState::kScriptData);
          return;
        case Tag::k_template:
          insert_html(t);
          push_marker();
          frameset_ok_ = false;
          mode_ = Mode::kInTemplate;
          template_modes_.push_back(Mode::kInTemplate);
          return;
        case Tag::k_head:
          return;
        default:
          break;
      }
      break;
    case TokenKind::kEndTag:
      switch (t.tag) {
        case Tag::k_head:
          pop();
          mode_ = Mode::kAfterHead;
          return;
        case Tag::k_body:
        case Tag::k_html:
        case Tag::k_br:
          break;
        case Tag::k_template:
          if (open_count_[static_cast<size_t>(Tag::k_template)] == 0) return;
          generate_all_implied_end_tags();
          pop_until(Tag::k_template);
          clear_formatting_to_marker();
          if (!template_modes_.empty()) template_modes_.pop_back();
          reset_insertion_mode();
          return;
        default:
          return;
      }
      break;
    default:
      break;
  }
  pop();
  reprocess(Mode::kAfterHead, t);
}

void TreeBuilder::in_head_noscript(Token &t) {
  switch (t.kind) {
    case TokenKind::kDoctype:
      return;
    case TokenKind::kCharacters:
      if (!t.null_char) {
        size_t ws = leading_space(t.data);
        insert_text(t.data.substr(0, ws));
        t.data.remove_prefix(ws);
        if (t.data.empty()) return;
      }
      break;
    case TokenKind::kComment:
      in_head(t);
      return;
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::k_html:
          in_body(t);
          return;
        case Tag::k_basefont:
        case Tag::k_bgsound:
        case Tag::k_link:
        case Tag::k_meta:
        case Tag::k_noframes:
        case Tag::k_style:
          in_head(t);
          return;
        case Tag::k_head:
        case Tag::k_noscript:
          return;
        default:
          break;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_noscript) {
        pop();
        mode_ = Mode::kInHead;
        return;
      }
      if (t.tag != Tag::k_br) return;
      break;
    default:
      break;
  }
  pop();
  reprocess(Mode::kInHead, t);
}

void TreeBuilder::after_head(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (!t.null_char) {
        size_t ws = leading_space(t.data);
        insert_text(t.data.substr(0, ws));
        t.data.remove_prefix(ws);
        if (t.data.empty()) return;
      }
      break;
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::k_html:
          in_body(t);
          return;
        case Tag::k_body:
          insert_html(t);
          frameset_ok_ = false;
          mode_ = Mode::kInBody;
          return;
        case Tag::k_frameset:
          insert_html(t);
          mode_ = Mode::kInFrameset;
          return;
        case Tag::k_base:
        case Tag::k_basefont:
        case Tag::k_bgsound:
        case Tag::k_link:
        case Tag::k_meta:
        case Tag::k_noframes:
        case Tag::k_script:
        case Tag::k_style:
        case Tag::k_template:
        case Tag::k_title: {
          if (head_ == kNoNode) return;
          push(head_);
          in_head(t);
          for (size_t i = open_.size(); i-- > 0;) {
            if (open_[i] == head_) {
              remove_from_stack(i);
              break;
            }
          }
          return;
        }
        case Tag::k_head:
          return;
        default:
          break;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_template) {
        in_head(t);
        return;
      }
      if (t.tag != Tag::k_body && t.tag != Tag::k_html && t.tag != Tag::k_br) return;
      break;
    default:
      break;
  }
  insert_html_named(Tag::k_body);
  reprocess(Mode::kInBody, t);
}

void TreeBuilder::in_body(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters: {
      if (t.null_char) return;
      reconstruct_formatting();
      insert_text(t.data);
      if (frameset_ok_ && !all_space(t.data)) frameset_ok_ = false;
      return;
    }
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      in_body_start_tag(t);
      return;
    case TokenKind::kEndTag:
      in_body_end_tag(t);
      return;
    case TokenKind::kEof:
      if (!template_modes_.empty()) in_template(t);
      return;
  }
}

void TreeBuilder::in_body_start_tag(Token &t) {
  switch (t.tag) {
    case Tag::k_html: {
      if (open_count_[static_cast<size_t>(Tag::k_template)] > 0 || open_.empty()) return;
      NodeId html = open_[0];
      for (const TokenAttribute &a : t.attributes)
        if (!doc_->has_attr(html, t.attr_name(a)))
          b_->add_attribute(html, t.attr_name(a), t.attr_value(a));
      return;
    }
    case Tag::k_base:
    case Tag::k_basefont:
    case Tag::k_bgsound:
    case Tag::k_link:
    case Tag::k_meta:
    case Tag::k_noframes:
    case Tag::k_script:
    case Tag::k_style:
    case Tag::k_template:
    case Tag::k_title:
      in_head(t);
      return;
    case Tag::k_body: {
      if (open_.size() < 2 || !is_html(open_[1], Tag::k_body) ||
          open_count_[static_cast<size_t>(Tag::k_template)] > 0)
        return;
      frameset_ok_ = false;
      NodeId body = open_[1];
      for (const TokenAttribute &a : t.attributes)
        if (!doc_->has_attr(body, t.attr_name(a)))
          b_->add_attribute(body, t.attr_name(a), t.attr_value(a));
      return;
    }
    case Tag::k_frameset: {
      if (open_.size() < 2 || !is_html(open_[1], Tag::k_body) || !frameset_ok_) return;
      b_->detach(open_[1]);
      while (open_.size() > 1) pop();
      insert_html(t);
      mode_ = Mode::kInFrameset;
      return;
    }
    case Tag::k_address:
    case Tag::k_article:
    case Tag::k_aside:
    case Tag::k_blockquote:
    case Tag::k_center:
    case Tag::k_details:
    case Tag::k_dialog:
    case Tag::k_dir:
    case Tag::k_div:
    case Tag::k_dl:
    case Tag::k_fieldset:
    case Tag::k_figcaption:
    case Tag::k_figure:
    case Tag::k_footer:
    case Tag::k_header:
    case Tag::k_hgroup:
    case Tag::k_main:
    case Tag::k_menu:
    case Tag::k_nav:
    case Tag::k_ol:
    case Tag::k_p:
    case Tag::k_search:
    case Tag::k_section:
    case Tag::k_summary:
    case Tag::k_ul:
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      insert_html(t);
      return;
    case Tag::k_h1:
    case Tag::k_h2:
    case Tag::k_h3:
    case Tag::k_h4:
    case Tag::k_h5:
    case Tag::k_h6:
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      if (has(html_tag(current()), kHeading)) pop();
      insert_html(t);
      return;
    case Tag::k_pre:
    case Tag::k_listing:
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      insert_html(t);
      skip_newline_ = true;
      frameset_ok_ = false;
      return;
    case Tag::k_form: {
      bool in_template = open_count_[static_cast<size_t>(Tag::k_template)] > 0;
      if (form_ != kNoNode && !in_template) return;
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      NodeId n = insert_html(t);
      if (!in_template) form_ = n;
      return;
    }
    case Tag::k_li:
    case Tag::k_dd:
    case Tag::k_dt: {
      frameset_ok_ = false;
      const bool any_open = t.tag == Tag::k_li
                                ? open_count_[static_cast<size_t>(Tag::k_li)] > 0
                                : open_count_[static_cast<size_t>(Tag::k_dd)] +
                                          open_count_[static_cast<size_t>(Tag::k_dt)] >
                                      0;
      size_t floor = any_open ? scan_floor() : open_.size();
      size_t steps = 0;
      for (size_t i = open_.size(); i-- > floor;) {
        ++steps;
        NodeId node = open_[i];
        Tag nt = html_tag(node);
        bool match = t.tag == Tag::k_li ? nt == Tag::k_li : (nt == Tag::k_dd || nt == Tag::k_dt);
        if (match) {
          generate_implied_end_tags(nt);
          pop_until(nt);
          break;
        }
        if (is_special(node) && nt != Tag::k_address && nt != Tag::k_div && nt != Tag::k_p) break;
      }
      charge(steps);
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      insert_html(t);
      return;
    }
    case Tag::k_plaintext:
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      insert_html(t);
      tokenizer_.set_state(TokenizerState::kPlaintext);
      return;
    case Tag::k_button:
      if (in_scope(Tag::k_button, Scope::kDefault)) {
        generate_implied_end_tags();
        pop_until(Tag::k_button);
      }
      reconstruct_formatting();
      insert_html(t);
      frameset_ok_ = false;
      return;
    case Tag::k_a: {
      for (size_t i = afe_.size(); i-- > 0;) {
        NodeId e = afe_[i];
        if (e == kMarker) break;
        if (is_html(e, Tag::k_a)) {
          Token end = t;
          end.kind = TokenKind::kEndTag;
          if (!adoption_agency(end)) in_body_any_other_end_tag(end);
          remove_formatting(e);
          for (size_t j = open_.size(); j-- > 0;) {
            if (open_[j] == e) {
              remove_from_stack(j);
              break;
            }
            if (!meta_[e].on_stack) break;
          }
          break;
        }
      }
      reconstruct_formatting();
      push_formatting(insert_html(t));
      return;
    }
    case Tag::k_b:
    case Tag::k_big:
    case Tag::k_code:
    case Tag::k_em:
    case Tag::k_font:
    case Tag::k_i:
    case Tag::k_s:
    case Tag::k_small:
    case Tag::k_strike:
    case Tag::k_strong:
    case Tag::k_tt:
    case Tag::k_u:
      reconstruct_formatting();
      push_formatting(insert_html(t));
      return;
    case Tag::k_nobr:
      reconstruct_formatting();
      if (in_scope(Tag::k_nobr, Scope::kDefault)) {
        Token end = t;
        end.kind = TokenKind::kEndTag;
        if (!adoption_agency(end)) in_body_any_other_end_tag(end);
        reconstruct_formatting();
      }
      push_formatting(insert_html(t));
      return;
    case Tag::k_applet:
    case Tag::k_marquee:
    case Tag::k_object:
      reconstruct_formatting();
      insert_html(t);
      push_marker();
      frameset_ok_ = false;
      return;
    case Tag::k_table:
      if (quirks_ != QuirksMode::kQuirks && in_scope(Tag::k_p, Scope::kButton)) close_p();
      insert_html(t);
      frameset_ok_ = false;
      mode_ = Mode::kInTable;
      return;
    case Tag::k_area:
    case Tag::k_br:
    case Tag::k_embed:
    case Tag::k_img:
    case Tag::k_keygen:
    case Tag::k_wbr:
      reconstruct_formatting();
      insert_html(t);
      pop();
      frameset_ok_ = false;
      return;
    case Tag::k_input: {
      if (context_ != kNoNode && is_html(context_, Tag::k_select)) return;
      if (in_scope(Tag::k_select, Scope::kDefault)) pop_until(Tag::k_select);
      reconstruct_formatting();
      insert_html(t);
      pop();
      if (!token_has_attr(t, "type") || !equals_ci(token_attr(t, "type"), "hidden"))
        frameset_ok_ = false;
      return;
    }
    case Tag::k_param:
    case Tag::k_source:
    case Tag::k_track:
      insert_html(t);
      pop();
      return;
    case Tag::k_hr:
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      if (in_scope(Tag::k_select, Scope::kDefault)) generate_implied_end_tags();
      insert_html(t);
      pop();
      frameset_ok_ = false;
      return;
    case Tag::k_image:
      t.tag = Tag::k_img;
      t.data = "img";
      process(t);
      return;
    case Tag::k_textarea:
      insert_html(t);
      skip_newline_ = true;
      tokenizer_.set_state(TokenizerState::kRcdata);
      original_mode_ = mode_;
      frameset_ok_ = false;
      mode_ = Mode::kText;
      return;
    case Tag::k_xmp:
      if (in_scope(Tag::k_p, Scope::kButton)) close_p();
      reconstruct_formatting();
      frameset_ok_ = false;
      raw_text_element(t, TokenizerState::kRawtext);
      return;
    case Tag::k_iframe:
      frameset_ok_ = false;
      // A departure from the standard: <iframe/> inside <noscript> (a tag
      // manager's snippet as frameworks write it) is taken as closed. Parsed
      // with scripting off, it would hold the rest of the page as its text;
      // a browser, scripting on, never sees it.
      if (t.self_closing && open_count_[static_cast<size_t>(Tag::k_noscript)] > 0) {
        insert_html(t);
        pop();
        return;
      }
      raw_text_element(t, TokenizerState::kRawtext);
      return;
    case Tag::k_noembed:
      raw_text_element(t, TokenizerState::kRawtext);
      return;
    case Tag::k_select:
      // Customizable <select>: its content is parsed as in body.
      if (context_ != kNoNode && is_html(context_, Tag::k_select)) return;
      if (in_scope(Tag::k_select, Scope::kDefault)) {
        pop_until(Tag::k_select);
        return;
      }
      reconstruct_formatting();
      insert_html(t);
      frameset_ok_ = false;
      return;
    case Tag::k_option:
      if (in_scope(Tag::k_select, Scope::kDefault))
        generate_implied_end_tags(Tag::k_optgroup);
      else if (is_html(current(), Tag::k_option))
        pop();
      reconstruct_formatting();
      insert_html(t);
      return;
    case Tag::k_optgroup:
      if (in_scope(Tag::k_select, Scope::kDefault))
        generate_implied_end_tags();
      else if (is_html(current(), Tag::k_option))
        pop();
      reconstruct_formatting();
      insert_html(t);
      return;
    case Tag::k_rb:
    case Tag::k_rtc:
      if (in_scope(Tag::k_ruby, Scope::kDefault)) generate_implied_end_tags();
      insert_html(t);
      return;
    case Tag::k_rp:
    case Tag::k_rt:
      if (in_scope(Tag::k_ruby, Scope::kDefault)) generate_implied_end_tags(Tag::k_rtc);
      insert_html(t);
      return;
    case Tag::k_math:
    case Tag::k_svg: {
      reconstruct_formatting();
      insert_foreign(t, t.tag == Tag::k_math ? Namespace::kMathMl : Namespace::kSvg);
      if (t.self_closing) pop();
      return;
    }
    case Tag::k_caption:
    case Tag::k_col:
    case Tag::k_colgroup:
    case Tag::k_frame:
    case Tag::k_head:
    case Tag::k_tbody:
    case Tag::k_td:
    case Tag::k_tfoot:
    case Tag::k_th:
    case Tag::k_thead:
    case Tag::k_tr:
      return;
    default:
      reconstruct_formatting();
      insert_html(t);
      return;
  }
}

void TreeBuilder::in_body_end_tag(Token &t) {
  switch (t.tag) {
    case Tag::k_template:
      in_head(t);
      return;
    case Tag::k_body:
      if (!in_scope(Tag::k_body, Scope::kDefault)) return;
      mode_ = Mode::kAfterBody;
      return;
    case Tag::k_html:
      if (!in_scope(Tag::k_body, Scope::kDefault)) return;
      reprocess(Mode::kAfterBody, t);
      return;
    case Tag::k_address:
    case Tag::k_article:
    case Tag::k_aside:
    case Tag::k_blockquote:
    case Tag::k_button:
    case Tag::k_center:
    case Tag::k_details:
    case Tag::k_dialog:
    case Tag::k_dir:
    case Tag::k_div:
    case Tag::k_dl:
    case Tag::k_fieldset:
    case Tag::k_figcaption:
    case Tag::k_figure:
    case Tag::k_footer:
    case Tag::k_header:
    case Tag::k_hgroup:
    case Tag::k_listing:
    case Tag::k_main:
    case Tag::k_menu:
    case Tag::k_nav:
    case Tag::k_ol:
    case Tag::k_pre:
    case Tag::k_search:
    case Tag::k_section:
    case Tag::k_summary:
    case Tag::k_ul:
      if (!in_scope(t.tag, Scope::kDefault)) return;
      generate_implied_end_tags();
      pop_until(t.tag);
      return;
    case Tag::k_form: {
      if (open_count_[static_cast<size_t>(Tag::k_template)] == 0) {
        NodeId node = form_;
        form_ = kNoNode;
        if (node == kNoNode || !node_in_scope(node, Scope::kDefault)) return;
        generate_implied_end_tags();
        for (size_t i = open_.size(); i-- > 0;) {
          if (open_[i] == node) {
            remove_from_stack(i);
            break;
          }
        }
      } else {
        if (!in_scope(Tag::k_form, Scope::kDefault)) return;
        generate_implied_end_tags();
        pop_until(Tag::k_form);
      }
      return;
    }
    case Tag::k_select:
      if (!in_scope(Tag::k_select, Scope::kDefault)) return;
      pop_until(Tag::k_select);
      return;
    case Tag::k_p:
      if (!in_scope(Tag::k_p, Scope::kButton)) insert_html_named(Tag::k_p);
      close_p();
      return;
    case Tag::k_li:
      if (!in_scope(Tag::k_li, Scope::kListItem)) return;
      generate_implied_end_tags(Tag::k_li);
      pop_until(Tag::k_li);
      return;
    case Tag::k_dd:
    case Tag::k_dt:
      if (!in_scope(t.tag, Scope::kDefault)) return;
      generate_implied_end_tags(t.tag);
      pop_until(t.tag);
      return;
    case Tag::k_h1:
    case Tag::k_h2:
    case Tag::k_h3:
    case Tag::k_h4:
    case Tag::k_h5:
    case Tag::k_h6:
      if (!heading_in_scope()) return;
      generate_implied_end_tags();
      pop_until_heading();
      return;
    case Tag::k_a:
    case Tag::k_b:
    case Tag::k_big:
    case Tag::k_code:
    case Tag::k_em:
    case Tag::k_font:
    case Tag::k_i:
    case Tag::k_nobr:
    case Tag::k_s:
    case Tag::k_small:
    case Tag::k_strike:
    case Tag::k_strong:
    case Tag::k_tt:
    case Tag::k_u:
      if (!adoption_agency(t)) in_body_any_other_end_tag(t);
      return;
    case Tag::k_applet:
    case Tag::k_marquee:
    case Tag::k_object:
      if (!in_scope(t.tag, Scope::kDefault)) return;
      generate_implied_end_tags();
      pop_until(t.tag);
      clear_formatting_to_marker();
      return;
    case Tag::k_br: {
      t.kind = TokenKind::kStartTag;
      t.attributes = {};
      t.self_closing = false;
      in_body_start_tag(t);
      return;
    }
    default:
      in_body_any_other_end_tag(t);
      return;
  }
}

void TreeBuilder::in_body_any_other_end_tag(const Token &t) {
  if (t.tag != Tag::kUnknown) {
    if (open_count_[static_cast<size_t>(t.tag)] == 0) return;
  } else if (unknown_open_count_[name_bucket(t.data)] == 0) {
    return;
  }
  size_t floor = scan_floor();
  size_t steps = 0;
  for (size_t i = open_.size(); i-- > floor;) {
    ++steps;
    NodeId node = open_[i];
    bool same = doc_->ns(node) == Namespace::kHtml && doc_->tag(node) == t.tag &&
                (t.tag != Tag::kUnknown || doc_->name(node) == t.data);
    if (same) {
      charge(steps);
      generate_implied_end_tags(t.tag == Tag::kUnknown ? Tag::kCount : t.tag);
      pop_until_node(node);
      return;
    }
    if (is_special(node)) break;
  }
  charge(steps);
}

void TreeBuilder::text(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      insert_text(t.data);
      return;
    case TokenKind::kEof:
      pop();
      reprocess(original_mode_, t);
      return;
    case TokenKind::kEndTag:
      pop();
      mode_ = original_mode_;
      return;
    default:
      return;
  }
}

void TreeBuilder::in_table(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters: {
      Tag ct = html_tag(current());
      if (ct == Tag::k_table || ct == Tag::k_tbody || ct == Tag::k_template || ct == Tag::k_tfoot ||
          ct == Tag::k_thead || ct == Tag::k_tr) {
        pending_text_.clear();
        pending_has_non_space_ = false;
        original_mode_ = mode_;
        reprocess(Mode::kInTableText, t);
        return;
      }
      in_table_anything_else(t);
      return;
    }
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::k_caption:
          clear_to_context(0);
          push_marker();
          insert_html(t);
          mode_ = Mode::kInCaption;
          return;
        case Tag::k_colgroup:
          clear_to_context(0);
          insert_html(t);
          mode_ = Mode::kInColumnGroup;
          return;
        case Tag::k_col:
          clear_to_context(0);
          insert_html_named(Tag::k_colgroup);
          reprocess(Mode::kInColumnGroup, t);
          return;
        case Tag::k_tbody:
        case Tag::k_tfoot:
        case Tag::k_thead:
          clear_to_context(0);
          insert_html(t);
          mode_ = Mode::kInTableBody;
          return;
        case Tag::k_td:
        case Tag::k_th:
        case Tag::k_tr:
          clear_to_context(0);
          insert_html_named(Tag::k_tbody);
          reprocess(Mode::kInTableBody, t);
          return;
        case Tag::k_table:
          if (!in_scope(Tag::k_table, Scope::kTable)) return;
          pop_until(Tag::k_table);
          reset_insertion_mode();
          process(t);
          return;
        case Tag::k_style:
        case Tag::k_script:
        case Tag::k_template:
          in_head(t);
          return;
        case Tag::k_input:
          if (!equals_ci(token_attr(t, "type"), "hidden")) break;
          insert_html(t);
          pop();
          return;
        case Tag::k_form:
          if (open_count_[static_cast<size_t>(Tag::k_template)] > 0 || form_ != kNoNode) return;
          form_ = insert_html(t);
          pop();
          return;
        default:
          break;
      }
      break;
    case TokenKind::kEndTag:
      switch (t.tag) {
        case Tag::k_table:
          if (!in_scope(Tag::k_table, Scope::kTable)) return;
          pop_until(Tag::k_table);
          reset_insertion_mode();
          return;
        case Tag::k_body:
        case Tag::k_caption:
        case Tag::k_col:
        case Tag::k_colgroup:
        case Tag::k_html:
        case Tag::k_tbody:
        case Tag::k_td:
        case Tag::k_tfoot:
        case Tag::k_th:
        case Tag::k_thead:
        case Tag::k_tr:
          return;
        case Tag::k_template:
          in_head(t);
          return;
        default:
          break;
      }
      break;
    case TokenKind::kEof:
      in_body(t);
      return;
  }
  in_table_anything_else(t);
}

void TreeBuilder::in_table_anything_else(Token &t) {
  foster_parenting_ = true;
  in_body(t);
  foster_parenting_ = false;
}

void TreeBuilder::in_table_text(Token &t) {
  if (t.kind == TokenKind::kCharacters) {
    if (t.null_char) return;
    pending_text_.append(t.data);
    if (!pending_has_non_space_ && !all_space(t.data)) pending_has_non_space_ = true;
    return;
  }
  if (!pending_text_.empty()) {
    Token chars;
    chars.kind = TokenKind::kCharacters;
    chars.data = pending_text_;
    if (pending_has_non_space_) {
      foster_parenting_ = true;
      reconstruct_formatting();
      insert_text(pending_text_);
      frameset_ok_ = false;
      foster_parenting_ = false;
    } else {
      insert_text(pending_text_);
    }
    pending_text_.clear();
  }
  reprocess(original_mode_, t);
}

void TreeBuilder::in_caption(Token &t) {
  bool end_caption = t.kind == TokenKind::kEndTag && t.tag == Tag::k_caption;
  bool table_start = t.kind == TokenKind::kStartTag &&
                     (t.tag == Tag::k_caption || t.tag == Tag::k_col || t.tag == Tag::k_colgroup ||
                      t.tag == Tag::k_tbody || t.tag == Tag::k_td || t.tag == Tag::k_tfoot ||
                      t.tag == Tag::k_th || t.tag == Tag::k_thead || t.tag == Tag::k_tr);
  bool end_table = t.kind == TokenKind::kEndTag && t.tag == Tag::k_table;
  if (end_caption || table_start || end_table) {
    if (!in_scope(Tag::k_caption, Scope::kTable)) return;
    generate_implied_end_tags();
    pop_until(Tag::k_caption);
    clear_formatting_to_marker();
    mode_ = Mode::kInTable;
    if (!end_caption) process(t);
    return;
  }
  if (t.kind == TokenKind::kEndTag &&
      (t.tag == Tag::k_body || t.tag == Tag::k_col || t.tag == Tag::k_colgroup ||
       t.tag == Tag::k_html || t.tag == Tag::k_tbody || t.tag == Tag::k_td ||
       t.tag == Tag::k_tfoot || t.tag == Tag::k_th || t.tag == Tag::k_thead || t.tag == Tag::k_tr))
    return;
  in_body(t);
}

void TreeBuilder::in_column_group(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (!t.null_char) {
        size_t ws = leading_space(t.data);
        insert_text(t.data.substr(0, ws));
        t.data.remove_prefix(ws);
        if (t.data.empty()) return;
      }
      break;
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) {
        in_body(t);
        return;
      }
      if (t.tag == Tag::k_col) {
        insert_html(t);
        pop();
        return;
      }
      if (t.tag == Tag::k_template) {
        in_head(t);
        return;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_colgroup) {
        if (!is_html(current(), Tag::k_colgroup)) return;
        pop();
        mode_ = Mode::kInTable;
        return;
      }
      if (t.tag == Tag::k_col) return;
      if (t.tag == Tag::k_template) {
        in_head(t);
        return;
      }
      break;
    case TokenKind::kEof:
      in_body(t);
      return;
  }
  if (!is_html(current(), Tag::k_colgroup)) return;
  pop();
  reprocess(Mode::kInTable, t);
}

void TreeBuilder::in_table_body(Token &t) {
  if (t.kind == TokenKind::kStartTag) {
    switch (t.tag) {
      case Tag::k_tr:
        clear_to_context(1);
        insert_html(t);
        mode_ = Mode::kInRow;
        return;
      case Tag::k_th:
      case Tag::k_td:
        clear_to_context(1);
        insert_html_named(Tag::k_tr);
        reprocess(Mode::kInRow, t);
        return;
      case Tag::k_caption:
      case Tag::k_col:
      case Tag::k_colgroup:
      case Tag::k_tbody:
      case Tag::k_tfoot:
      case Tag::k_thead:
        if (!in_scope(Tag::k_tbody, Scope::kTable) && !in_scope(Tag::k_thead, Scope::kTable) &&
            !in_scope(Tag::k_tfoot, Scope::kTable))
          return;
        clear_to_context(1);
        pop();
        reprocess(Mode::kInTable, t);
        return;
      default:
        break;
    }
  } else if (t.kind == TokenKind::kEndTag) {
    switch (t.tag) {
      case Tag::k_tbody:
      case Tag::k_tfoot:
      case Tag::k_thead:
        if (!in_scope(t.tag, Scope::kTable)) return;
        clear_to_context(1);
        pop();
        mode_ = Mode::kInTable;
        return;
      case Tag::k_table:
        if (!in_scope(Tag::k_tbody, Scope::kTable) && !in_scope(Tag::k_thead, Scope::kTable) &&
            !in_scope(Tag::k_tfoot, Scope::kTable))
          return;
        clear_to_context(1);
        pop();
        reprocess(Mode::kInTable, t);
        return;
      case Tag::k_body:
      case Tag::k_caption:
      case Tag::k_col:
      case Tag::k_colgroup:
      case Tag::k_html:
      case Tag::k_td:
      case Tag::k_th:
      case Tag::k_tr:
        return;
      default:
        break;
    }
  }
  in_table(t);
}

void TreeBuilder::in_row(Token &t) {
  if (t.kind == TokenKind::kStartTag) {
    switch (t.tag) {
      case Tag::k_th:
      case Tag::k_td:
        clear_to_context(2);
        insert_html(t);
        mode_ = Mode::kInCell;
        push_marker();
        return;
      case Tag::k_caption:
      case Tag::k_col:
      case Tag::k_colgroup:
      case Tag::k_tbody:
      case Tag::k_tfoot:
      case Tag::k_thead:
      case Tag::k_tr:
        if (!in_scope(Tag::k_tr, Scope::kTable)) return;
        clear_to_context(2);
        pop();
        reprocess(Mode::kInTableBody, t);
        return;
      default:
        break;
    }
  } else if (t.kind == TokenKind::kEndTag) {
    switch (t.tag) {
      case Tag::k_tr:
        if (!in_scope(Tag::k_tr, Scope::kTable)) return;
        clear_to_context(2);
        pop();
        mode_ = Mode::kInTableBody;
        return;
      case Tag::k_table:
        if (!in_scope(Tag::k_tr, Scope::kTable)) return;
        clear_to_context(2);
        pop();
        reprocess(Mode::kInTableBody, t);
        return;
      case Tag::k_tbody:
      case Tag::k_tfoot:
      case Tag::k_thead:
        if (!in_scope(t.tag, Scope::kTable)) return;
        if (!in_scope(Tag::k_tr, Scope::kTable)) return;
        clear_to_context(2);
        pop();
        reprocess(Mode::kInTableBody, t);
        return;
      case Tag::k_body:
      case Tag::k_caption:
      case Tag::k_col:
      case Tag::k_colgroup:
      case Tag::k_html:
      case Tag::k_td:
      case Tag::k_th:
        return;
      default:
        break;
    }
  }
  in_table(t);
}

void TreeBuilder::close_cell() {
  generate_implied_end_tags();
  while (!open_.empty()) {
    Tag ct = html_tag(current());
    pop();
    if (ct == Tag::k_td || ct == Tag::k_th) break;
  }
  clear_formatting_to_marker();
  mode_ = Mode::kInRow;
}

void TreeBuilder::in_cell(Token &t) {
  if (t.kind == TokenKind::kEndTag) {
    switch (t.tag) {
      case Tag::k_td:
      case Tag::k_th:
        if (!in_scope(t.tag, Scope::kTable)) return;
        generate_implied_end_tags();
        pop_until(t.tag);
        clear_formatting_to_marker();
        mode_ = Mode::kInRow;
        return;
      case Tag::k_body:
      case Tag::k_caption:
      case Tag::k_col:
      case Tag::k_colgroup:
      case Tag::k_html:
        return;
      case Tag::k_table:
      case Tag::k_tbody:
      case Tag::k_tfoot:
      case Tag::k_thead:
      case Tag::k_tr:
        if (!in_scope(t.tag, Scope::kTable)) return;
        close_cell();
        process(t);
        return;
      default:
        break;
    }
  } else if (t.kind == TokenKind::kStartTag) {
    switch (t.tag) {
      case Tag::k_caption:
      case Tag::k_col:
      case Tag::k_colgroup:
      case Tag::k_tbody:
      case Tag::k_td:
      case Tag::k_tfoot:
      case Tag::k_th:
      case Tag::k_thead:
      case Tag::k_tr:
        if (!in_scope(Tag::k_td, Scope::kTable) && !in_scope(Tag::k_th, Scope::kTable)) return;
        close_cell();
        process(t);
        return;
      default:
        break;
    }
  }
  in_body(t);
}

void TreeBuilder::in_template(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
    case TokenKind::kComment:
    case TokenKind::kDoctype:
      in_body(t);
      return;
    case TokenKind::kStartTag: {
      Mode next = Mode::kInBody;
      switch (t.tag) {
        case Tag::k_base:
        case Tag::k_basefont:
        case Tag::k_bgsound:
        case Tag::k_link:
        case Tag::k_meta:
        case Tag::k_noframes:
        case Tag::k_script:
        case Tag::k_style:
        case Tag::k_template:
        case Tag::k_title:
          in_head(t);
          return;
        case Tag::k_caption:
        case Tag::k_colgroup:
        case Tag::k_tbody:
        case Tag::k_tfoot:
        case Tag::k_thead:
          next = Mode::kInTable;
          break;
        case Tag::k_col:
          next = Mode::kInColumnGroup;
          break;
        case Tag::k_tr:
          next = Mode::kInTableBody;
          break;
        case Tag::k_td:
        case Tag::k_th:
          next = Mode::kInRow;
          break;
        default:
          break;
      }
      if (!template_modes_.empty()) template_modes_.pop_back();
      template_modes_.push_back(next);
      reprocess(next, t);
      return;
    }
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_template) in_head(t);
      return;
    case TokenKind::kEof:
      if (open_count_[static_cast<size_t>(Tag::k_template)] == 0) return;
      pop_until(Tag::k_template);
      clear_formatting_to_marker();
      if (!template_modes_.empty()) template_modes_.pop_back();
      reset_insertion_mode();
      eof_again_ = true;  // process(t), as a loop in run()
      return;
  }
}

void TreeBuilder::after_body(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (!t.null_char && all_space(t.data)) {
        in_body(t);
        return;
      }
      break;
    case TokenKind::kComment:
      insert_comment(t, open_.empty() ? doc_->root() : open_[0]);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) {
        in_body(t);
        return;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_html) {
        if (context_ == kNoNode) mode_ = Mode::kAfterAfterBody;
        return;
      }
      break;
    case TokenKind::kEof:
      return;
  }
  if (t.kind == TokenKind::kCharacters && !t.null_char) {
    size_t ws = leading_space(t.data);
    Token space = t;
    space.data = t.data.substr(0, ws);
    if (!space.data.empty()) in_body(space);
    t.data.remove_prefix(ws);
  }
  reprocess(Mode::kInBody, t);
}

// Keeps only the whitespace of a character token (frameset modes drop the
// rest).
static std::string_view keep_space(std::string_view s, std::string &buf) {
  if (all_space(s)) return s;
  buf.clear();
  for (char c : s)
    if (is_space(c)) buf.push_back(c);
  return buf;
}

void TreeBuilder::in_frameset(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (!t.null_char) insert_text(keep_space(t.data, scratch_));
      return;
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::k_html:
          in_body(t);
          return;
        case Tag::k_frameset:
          insert_html(t);
          return;
        case Tag::k_frame:
          insert_html(t);
          pop();
          return;
        case Tag::k_noframes:
          in_head(t);
          return;
        default:
          return;
      }
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_frameset) {
        if (open_.size() <= 1) return;
        pop();
        if (context_ == kNoNode && !is_html(current(), Tag::k_frameset))
          mode_ = Mode::kAfterFrameset;
      }
      return;
    case TokenKind::kEof:
      return;
  }
}

void TreeBuilder::after_frameset(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (!t.null_char) insert_text(keep_space(t.data, scratch_));
      return;
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) in_body(t);
      if (t.tag == Tag::k_noframes) in_head(t);
      return;
    case TokenKind::kEndTag:
      if (t.tag == Tag::k_html) mode_ = Mode::kAfterAfterFrameset;
      return;
    default:
      return;
  }
}

void TreeBuilder::after_after_body(Token &t) {
  switch (t.kind) {
    case TokenKind::kComment:
      insert_comment(t, doc_->root());
      return;
    case TokenKind::kDoctype:
      in_body(t);
      return;
    case TokenKind::kCharacters:
      if (!t.null_char && all_space(t.data)) {
        in_body(t);
        return;
      }
      if (!t.null_char) {
        size_t ws = leading_space(t.data);
        Token space = t;
        space.data = t.data.substr(0, ws);
        if (!space.data.empty()) in_body(space);
        t.data.remove_prefix(ws);
      }
      break;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) {
        in_body(t);
        return;
      }
      break;
    case TokenKind::kEof:
      return;
    default:
      break;
  }
  reprocess(Mode::kInBody, t);
}

void TreeBuilder::after_after_frameset(Token &t) {
  switch (t.kind) {
    case TokenKind::kComment:
      insert_comment(t, doc_->root());
      return;
    case TokenKind::kDoctype:
      in_body(t);
      return;
    case TokenKind::kCharacters:
      if (!t.null_char) {
        std::string_view ws = keep_space(t.data, scratch_);
        Token space = t;
        space.data = ws;
        if (!ws.empty()) in_body(space);
      }
      return;
    case TokenKind::kStartTag:
      if (t.tag == Tag::k_html) in_body(t);
      if (t.tag == Tag::k_noframes) in_head(t);
      return;
    default:
      return;
  }
}

void TreeBuilder::foreign_content(Token &t) {
  switch (t.kind) {
    case TokenKind::kCharacters:
      if (t.null_char) {
        insert_text("\xEF\xBF\xBD");
        return;
      }
      insert_text(t.data);
      if (frameset_ok_ && !all_space(t.data)) frameset_ok_ = false;
      return;
    case TokenKind::kComment:
      insert_comment(t, kNoNode);
      return;
    case TokenKind::kDoctype:
      return;
    case TokenKind::kStartTag: {
      if (breaks_out_of_foreign(t)) {
        while (!open_.empty()) {
          NodeId n = current();
          if (doc_->ns(n) == Namespace::kHtml ||
              (meta_[n].flags & (kMathTextIntegration | kHtmlIntegration)))
            break;
          pop();
        }
        process_in(mode_, t);
        return;
      }
      Namespace ns = doc_->ns(adjusted_current());
      insert_foreign(t, ns);
      if (t.self_closing) pop();
      return;
    }
    case TokenKind::kEndTag: {
      if (t.tag == Tag::k_br || t.tag == Tag::k_p) {
        while (!open_.empty()) {
          NodeId n = current();
          if (doc_->ns(n) == Namespace::kHtml ||
              (meta_[n].flags & (kMathTextIntegration | kHtmlIntegration)))
            break;
          pop();
        }
        process_in(mode_, t);
        return;
      }
      size_t floor = scan_floor();
      size_t steps = 0;
      for (size_t i = open_.size(); i-- > 0;) {
        ++steps;
        if (i == 0 || i < floor) break;
        NodeId node = open_[i];
        if (equals_ci(doc_->name(node), t.data)) {
          charge(steps);
          pop_until_node(node);
          return;
        }
        if (doc_->ns(open_[i - 1]) == Namespace::kHtml) {
          charge(steps);
          process_in(mode_, t);
          return;
        }
      }
      charge(steps);
      return;
    }
    case TokenKind::kEof:
      process_in(mode_, t);
      return;
  }
}

}  // namespace lede::html
